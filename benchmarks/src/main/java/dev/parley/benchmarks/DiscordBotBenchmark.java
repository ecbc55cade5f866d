package dev.parley.benchmarks;

import dev.parley.adapters.discord.DiscordBot;
import dev.parley.adapters.discord.DiscordSettings;
import dev.parley.adapters.discord.bot.BotObserver;
import dev.parley.adapters.discord.testing.FakeDiscord;
import dev.parley.adapters.discord.testing.FakeGuild;
import dev.parley.adapters.llm.OpenAiLanguageModel;
import dev.parley.adapters.llm.OpenAiOptions;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.adapters.memory.InMemoryAvatarJournal;
import dev.parley.adapters.memory.InMemoryAvatarRoster;
import dev.parley.adapters.memory.InMemoryChannelSummaries;
import dev.parley.adapters.memory.InMemoryChannelWebhooks;
import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.adapters.memory.InMemoryIdentifyPacing;
import dev.parley.adapters.memory.InMemoryReplyGate;
import dev.parley.application.responder.ChannelSummarizer;
import dev.parley.application.responder.Pause;
import dev.parley.application.responder.Responder;
import dev.parley.application.responder.ResponderPorts;
import dev.parley.application.responder.ResponderSettings;
import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.llm.ModelOptions;
import dev.parley.domain.llm.ModelRequest;
import dev.parley.domain.llm.PromptMessage;
import dev.parley.domain.reply.ReplyRules;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Messages per second through the Discord bot, from the gateway event to the webhook post: a
 * fake Discord on loopback sends MESSAGE_CREATE to the real JDA, the bot hands it to the real
 * responder (memory storage, cooldowns 0, summaries off) whose model is a zero-latency fake over
 * HTTP, and the reply is posted through the channel's webhook to the fake. One instance; each
 * thread keeps one message in flight in its own channel. Beside it, measured in the same run at
 * the same concurrency, the baseline: the round trips every message needs outside Parley, one
 * model call and one raw webhook execution (JDK HttpClient) to the same fakes. Parley's latency per
 * message is the bot's own measure (the {@link BotObserver}'s, from the gateway event's arrival to
 * the end of its handling), p50 and p99, beside the baseline's.
 *
 * <pre>
 * java -jar benchmarks/target/parley-benchmarks.jar discord [--writers 1,8] [--seconds 3] [--warmup 1] [--rounds 2]
 * </pre>
 */
final class DiscordBotBenchmark {

    private static final AvatarProfile AVA = new AvatarProfile(Avatar.named(AvatarId.of("ava"), "Ava")
            .withImageUrl("https://images.example/ava.png"), "You are Ava, a cheerful guide who keeps answers short.",
            ModelOptions.defaults());
    private static final String REPLY = "Happy to help! Async code lets one thread wait for many things at once.";
    private static final String CONTENT = "Ava, a message of about the length people write in a Discord channel, give or take?";
    private static final long GUILD = FakeDiscord.guildIdOnShard(0, 1, 0);
    private static final long ALICE = 500;
    private static final long FIRST_CHANNEL = 10_000;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Rounds settings;
    private final PrintStream out;

    DiscordBotBenchmark(Rounds settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    static void main(String[] args) throws Exception {
        Rounds settings = Rounds.parse("discord", args);
        System.out.printf("Parley Discord bot benchmark: JDK %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        new DiscordBotBenchmark(settings, System.out).run();
    }

    void run() throws Exception {
        int maxWriters = settings.writers().stream().mapToInt(Integer::intValue).max().orElse(1);
        FakeGuild guild = FakeGuild.withId(GUILD).named("Bench").member(ALICE, "alice");
        for (int w = 0; w < maxWriters; w++) {
            guild.textChannel(FIRST_CHANNEL + w, "bench-" + w);
        }
        try (FakeOpenAi fake = FakeOpenAi.start().recordingRequests(false).respondWith(FakeResponse.text(REPLY));
                FakeDiscord discord = FakeDiscord.builder().guild(guild).start();
                OpenAiLanguageModel model = new OpenAiLanguageModel(OpenAiOptions.of(fake.baseUrl(), "sk-bench", "fake-model")
                        .withMaxConcurrent(Math.max(8, maxWriters)).withTimeout(Duration.ofSeconds(30)))) {
            Handled handled = new Handled();
            // The baseline's posts come back over the gateway as another webhook's messages: not the bot's to answer.
            DiscordSettings botSettings = DiscordSettings.of(discord.token()).withApiUrl(discord.restUrl())
                    .withGatewayUrl(discord.gatewayUrl()).withReplyToBots(false);
            try (DiscordBot bot = new DiscordBot(botSettings, responder(model), new InMemoryChannelWebhooks(),
                    new InMemoryIdentifyPacing(Clock.systemUTC()), Clock.systemUTC(), DiscordBot.Limits.defaults(), handled)) {
                bot.start();
                Baseline baseline = new Baseline(model, discord);
                out.println();
                out.println("Discord bot: messages/s from the gateway event to the webhook post (the real JDA against a fake Discord on");
                out.println("loopback, the real responder on memory storage, a zero-latency fake model over HTTP; cooldowns 0), beside the");
                out.println("baseline of the round trips each message needs outside Parley (one model call, one raw webhook execution to");
                out.println("the same fakes), same threads, same run. Latency: the bot's, from the gateway event to the end of its handling.");
                out.printf("%-8s %-6s %14s %12s %10s %12s %12s %14s%n", "threads", "round", "baseline/s", "messages/s", "bot/base",
                        "p50 (ms)", "p99 (ms)", "base p50 (ms)");
                // The first measurements of a fresh JVM are the JIT's: run both once, untimed, at the highest concurrency.
                Load.throughput(maxWriters, settings.warmup(), settings.warmup(), w -> i -> baseline.roundTrip(w));
                handled.reset();
                Load.throughput(maxWriters, settings.warmup(), settings.warmup(), w -> i -> handled.send(discord, w));
                // Steady state: while a conversation holds fewer messages than a prompt's context, each message also
                // reads Discord's history; fill every channel past that first.
                prefill(maxWriters, ResponderSettings.defaults().contextMessages(), handled, discord);
                for (int writers : settings.writers()) {
                    for (int round = 1; round <= settings.rounds(); round++) {
                        baseline.times.clear();
                        double base = Load.throughput(writers, settings.warmup(), settings.measure(), w -> i -> baseline.roundTrip(w));
                        handled.reset();
                        double messages = Load.throughput(writers, settings.warmup(), settings.measure(), w -> i -> handled.send(discord, w));
                        long[] took = sorted(handled.times);
                        long[] baseTook = sorted(baseline.times);
                        out.printf("%-8d %-6d %14.0f %12.0f %10.2f %12.2f %12.2f %14.2f%n", writers, round, base, messages, messages / base,
                                percentile(took, 0.50) / 1e6, percentile(took, 0.99) / 1e6, percentile(baseTook, 0.50) / 1e6);
                    }
                }
            }
        }
    }

    /** Sends {@code messages} more messages into each of the first {@code channels} channels, one writer per channel. */
    private static void prefill(int channels, int messages, Handled handled, FakeDiscord discord) throws InterruptedException {
        handled.reset();
        java.util.List<Thread> writers = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int w = 0; w < channels; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    for (int k = 0; k < messages; k++) {
                        handled.send(discord, writer);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("filling the channels failed: " + failure.get(), failure.get());
        }
    }

    /** The real responder over fresh memory adapters, as one instance runs it; cooldowns 0, no summaries. */
    private static Responder responder(OpenAiLanguageModel model) {
        Clock clock = Clock.systemUTC();
        ReplyRules rules = ReplyRules.defaults().withAvatarResponseCooldown(Duration.ZERO).withBotReplyCooldown(Duration.ZERO);
        Avatars avatars = Avatars.of(List.of(AVA));
        InMemoryConversationStore store = new InMemoryConversationStore(clock);
        ResponderSettings responderSettings = ResponderSettings.defaults();
        ChannelSummarizer summaries = new ChannelSummarizer(new InMemoryChannelSummaries(Duration.ofDays(1), clock), store, avatars,
                Optional.of(model), responderSettings, clock, task -> { });
        return new Responder(new ResponderPorts(avatars, store, new InMemoryAvatarRoster(8, clock),
                new InMemoryReplyGate(rules, clock), new InMemoryAvatarJournal(20, 5), Optional.of(model)),
                RollOvers.intoTemporaryArchive(store, clock), summaries, rules,
                responderSettings, Duration.ofMinutes(5), ConversationLimits.defaults(), clock, Pause.sleeping());
    }

    /**
     * Counts the bot's handled messages: each writer sends one message and waits for one to be
     * handled, so as many are in flight as there are writers. Keeps the bot's latencies.
     */
    private static final class Handled implements BotObserver {

        private final Semaphore done = new Semaphore(0);
        private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();

        @Override
        public void messageHandled(Duration took, boolean failed) {
            // An observer never throws (it runs on the bot's threads): a failure is counted, and the writer stops on it.
            if (failed) {
                failures.incrementAndGet();
            }
            times.add(took.toNanos());
            done.release();
        }

        /** Forgets what was handled so far, before a measurement (the writers of the last one were joined). */
        void reset() {
            // Each writer took one permit per message it sent, so once they are joined every message was handled:
            // nothing is in flight, and only a message not sent by a writer could have left a permit.
            done.drainPermits();
            times.clear();
        }

        void send(FakeDiscord discord, int writer) throws InterruptedException {
            discord.message(FIRST_CHANNEL + writer).from(ALICE).content(CONTENT).send();
            if (!done.tryAcquire(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no message handled within " + PATIENCE);
            }
            if (failures.get() > 0) {
                throw new IllegalStateException("the bot failed to handle " + failures.get() + " message(s)");
            }
        }
    }

    /** One model call and one raw webhook execution to the same fakes: the floor of a message's time outside Parley. */
    private static final class Baseline {

        private static final ModelRequest REQUEST = new ModelRequest(List.of(new PromptMessage.System(AVA.personality()),
                new PromptMessage.User("Alice", CONTENT)), List.of(), ModelOptions.defaults());

        private final OpenAiLanguageModel model;
        private final FakeDiscord discord;
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI webhook;
        final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();

        Baseline(OpenAiLanguageModel model, FakeDiscord discord) throws Exception {
            this.model = model;
            this.discord = discord;
            // A webhook of its own, created as the bot creates one, in a channel the bot does not post in.
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(discord.restUrl() + "channels/"
                            + FIRST_CHANNEL + "/webhooks")).header("Authorization", "Bot " + discord.token())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Baseline\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            net.dv8tion.jda.api.utils.data.DataObject hook = net.dv8tion.jda.api.utils.data.DataObject.fromJson(created.body());
            this.webhook = URI.create(discord.restUrl() + "webhooks/" + hook.getString("id") + "/" + hook.getString("token") + "?wait=true");
        }

        void roundTrip(int writer) throws Exception {
            long begin = System.nanoTime();
            model.complete(REQUEST);
            HttpResponse<Void> posted = http.send(HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"" + REPLY + "\",\"username\":\"Ava\","
                            + "\"allowed_mentions\":{\"parse\":[\"users\"]}}")).build(), HttpResponse.BodyHandlers.discarding());
            if (posted.statusCode() != 200) {
                throw new IllegalStateException("the fake answered " + posted.statusCode());
            }
            times.add(System.nanoTime() - begin);
        }
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}

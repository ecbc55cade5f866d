package dev.parley.benchmarks;

import dev.parley.adapters.llm.OpenAiLanguageModel;
import dev.parley.adapters.llm.OpenAiOptions;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.adapters.memory.InMemoryAvatarJournal;
import dev.parley.adapters.memory.InMemoryAvatarRoster;
import dev.parley.adapters.memory.InMemoryChannelSummaries;
import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.adapters.memory.InMemoryReplyGate;
import dev.parley.application.port.in.AvatarReply;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.application.port.in.ChannelMessage;
import dev.parley.application.port.in.ChannelReplies;
import dev.parley.application.responder.ChannelSummarizer;
import dev.parley.application.responder.Pause;
import dev.parley.application.responder.Responder;
import dev.parley.application.responder.ResponderPorts;
import dev.parley.application.responder.ResponderSettings;
import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.llm.ModelOptions;
import dev.parley.domain.llm.ModelReply;
import dev.parley.domain.llm.ModelRequest;
import dev.parley.domain.llm.PromptMessage;
import dev.parley.domain.reply.ReplyRules;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replies per second through the whole response flow ({@code HandleChannelMessage} on memory
 * storage: record the message, plan, gate, prompt from the last 50 messages, the model over HTTP,
 * clean, post, record, touch, journal) beside the bare LangChain4j call
 * ({@code OpenAiLanguageModel.complete}) to the same zero-latency fake model with a prompt of the
 * flow's size (a system prompt and 50 messages), at the same concurrency in one run; and Parley's own time per reply, p50 and p99, with the model call's time
 * (measured around it) taken out. Cooldowns are 0 so the gate never paces, and summaries are off
 * (their background model calls would compete with the replies for the fake).
 *
 * <pre>
 * java -jar benchmarks/target/parley-benchmarks.jar responder [--writers 1,8] [--seconds 3] [--warmup 1] [--rounds 2]
 * </pre>
 */
final class ResponderBenchmark {

    private static final AvatarProfile AVA = new AvatarProfile(Avatar.named(AvatarId.of("ava"), "Ava"),
            "You are Ava, a cheerful guide who keeps answers short.", ModelOptions.defaults());
    private static final AvatarProfile BOB = new AvatarProfile(Avatar.named(AvatarId.of("bob"), "Bob"),
            "You are Bob, a grumpy librarian.", ModelOptions.defaults());
    private static final String REPLY = "Happy to help! Async code lets one thread wait for many things at once.";
    /** The default limits per message, none per conversation: a writer's channel outgrows any cap within a run. */
    private static final dev.parley.domain.conversation.ConversationLimits UNCAPPED = dev.parley.domain.conversation.ConversationLimits
            .defaults().withMaxMessages(Integer.MAX_VALUE).withMaxBytes(Long.MAX_VALUE);
    private static final String CONTENT = "Ava, a message of about the length people write in a Discord channel, give or take?";
    private static final AtomicLong IDS = new AtomicLong(1_000_000_000_000L);

    private final Rounds settings;
    private final PrintStream out;

    ResponderBenchmark(Rounds settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    static void main(String[] args) throws Exception {
        Rounds settings = Rounds.parse("responder", args);
        System.out.printf("Parley responder benchmark: JDK %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        new ResponderBenchmark(settings, System.out).run();
    }

    void run() throws Exception {
        try (FakeOpenAi fake = FakeOpenAi.start().recordingRequests(false).respondWith(FakeResponse.text(REPLY))) {
            int maxWriters = settings.writers().stream().mapToInt(Integer::intValue).max().orElse(1);
            try (OpenAiLanguageModel model = new OpenAiLanguageModel(OpenAiOptions.of(fake.baseUrl(), "sk-bench", "fake-model")
                    .withMaxConcurrent(Math.max(8, maxWriters)).withTimeout(Duration.ofSeconds(30)))) {
                out.println();
                out.println("Responder: replies/s through HandleChannelMessage (memory storage, cooldowns 0, summaries off) beside the bare");
                out.println("OpenAiLanguageModel.complete (a prompt of the flow's size: system + 50 messages) to the same zero-latency fake,");
                out.println("same threads, same run. Parley's own time per reply is the handling time minus the model call's time,");
                out.println("measured around the call.");
                out.printf("%-8s %-6s %14s %16s %10s %14s %14s%n", "threads", "round", "bare calls/s", "flow replies/s", "flow/bare",
                        "own p50 (µs)", "own p99 (µs)");
                // The first measurements of a fresh JVM are the JIT's: run both once, untimed, at the highest concurrency.
                Load.throughput(maxWriters, settings.warmup(), settings.warmup(), w -> i -> model.complete(BARE_REQUEST));
                Flow warm = new Flow(model);
                Load.throughput(maxWriters, settings.warmup(), settings.warmup(), w -> warm.writer(w));
                for (int writers : settings.writers()) {
                    for (int round = 1; round <= settings.rounds(); round++) {
                        double bare = Load.throughput(writers, settings.warmup(), settings.measure(), w -> i -> model.complete(BARE_REQUEST));
                        Flow flow = new Flow(model);
                        double replies = Load.throughput(writers, settings.warmup(), settings.measure(), w -> flow.writer(w));
                        long[] own = flow.ownTimesAfterWarmup(settings.warmup());
                        out.printf("%-8d %-6d %14.0f %16.0f %10.2f %14.0f %14.0f%n", writers, round, bare, replies, replies / bare,
                                percentile(own, 0.50) / 1e3, percentile(own, 0.99) / 1e3);
                    }
                }
            }
        }
    }

    /**
     * A request the size of the flow's in its steady state, so both sides move the same bytes: a
     * system prompt as long as the responder's (personality and style rules) and the context's 50
     * messages, Alice's and the avatar's in turn.
     */
    private static final ModelRequest BARE_REQUEST = bareRequest();

    private static ModelRequest bareRequest() {
        List<PromptMessage> messages = new ArrayList<>();
        messages.add(new PromptMessage.System(AVA.personality() + "\n\n" + "x".repeat(520)));
        for (int k = 0; k < 24; k++) {
            messages.add(new PromptMessage.User("Alice", CONTENT));
            messages.add(new PromptMessage.Assistant(REPLY, List.of()));
        }
        messages.add(new PromptMessage.User("Alice", CONTENT));
        messages.add(new PromptMessage.User("Alice", CONTENT));
        return new ModelRequest(messages, List.of(), ModelOptions.defaults());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** One responder over fresh memory adapters; each writer talks in its own channel. */
    private static final class Flow {

        private final Responder responder;
        private final TimedModel model;
        private final List<Samples> samples = new ArrayList<>();
        private final long started = System.nanoTime();

        Flow(LanguageModel real) {
            Clock clock = Clock.systemUTC();
            ReplyRules rules = ReplyRules.defaults().withAvatarResponseCooldown(Duration.ZERO).withBotReplyCooldown(Duration.ZERO);
            Avatars avatars = Avatars.of(List.of(AVA, BOB));
            InMemoryConversationStore store = new InMemoryConversationStore(clock);
            this.model = new TimedModel(real);
            ResponderSettings responderSettings = ResponderSettings.defaults();
            ChannelSummarizer summaries = new ChannelSummarizer(new InMemoryChannelSummaries(Duration.ofDays(1), clock), store, avatars,
                    Optional.of(model), responderSettings, clock, task -> { });
            this.responder = new Responder(new ResponderPorts(avatars, store, new InMemoryAvatarRoster(8, clock),
                    new InMemoryReplyGate(rules, clock), new InMemoryAvatarJournal(20, 5), Optional.of(model)),
                RollOvers.intoTemporaryArchive(store, clock), summaries, rules,
                    responderSettings, Duration.ofMinutes(5), UNCAPPED, clock, Pause.sleeping());
        }

        Load.Operation writer(int w) {
            ChannelId channel = ChannelId.of(Long.toString(700_000 + w));
            Samples mine = new Samples();
            synchronized (samples) {
                samples.add(mine);
            }
            PostingChannel posting = new PostingChannel();
            return i -> {
                ChannelMessage message = new ChannelMessage(channel, GuildId.of("900"), "Guild", MessageId.of(Long.toString(IDS.incrementAndGet())),
                        UserId.of("111"), "Alice", false, CONTENT, Optional.empty(), List.of(), Instant.now());
                model.reset();
                long begin = System.nanoTime();
                responder.handle(message, posting, event -> {
                    if (event instanceof ChannelEvent.Skipped skipped) {
                        throw new IllegalStateException("a reply was skipped: " + skipped.reason());
                    }
                });
                mine.add(System.nanoTime() - begin - model.spent());
            };
        }

        /**
         * Every writer's own times after the warm-up (each writer's first samples, in the share of
         * the run the warm-up took, are dropped), sorted. Read after the writers were joined.
         */
        long[] ownTimesAfterWarmup(Duration warmup) {
            double warmShare = warmup.toNanos() / (double) (System.nanoTime() - started);
            List<long[]> kept = new ArrayList<>();
            synchronized (samples) {
                for (Samples writer : samples) {
                    int skip = (int) Math.min(writer.count, Math.ceil(writer.count * warmShare));
                    kept.add(Arrays.copyOfRange(writer.values, skip, writer.count));
                }
            }
            return kept.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        }
    }

    /** One writer's own times per reply, in nanoseconds, in order. */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int count;

        void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[count++] = nanos;
        }
    }

    /** Posting succeeds at once, one id per chunk, as a platform would answer. */
    private static final class PostingChannel implements ChannelReplies {

        @Override
        public List<MessageId> post(AvatarReply reply) {
            List<MessageId> ids = new ArrayList<>(reply.chunks().size());
            for (int k = 0; k < reply.chunks().size(); k++) {
                ids.add(MessageId.of(Long.toString(IDS.incrementAndGet())));
            }
            return ids;
        }
    }

    /** The model, with the time this thread spent in its calls since {@link #reset()}. */
    private static final class TimedModel implements LanguageModel {

        private final LanguageModel model;
        private final ThreadLocal<long[]> spent = ThreadLocal.withInitial(() -> new long[1]);

        TimedModel(LanguageModel model) {
            this.model = model;
        }

        @Override
        public ModelReply complete(ModelRequest request) {
            long begin = System.nanoTime();
            try {
                return model.complete(request);
            } finally {
                spent.get()[0] += System.nanoTime() - begin;
            }
        }

        void reset() {
            spent.get()[0] = 0;
        }

        long spent() {
            return spent.get()[0];
        }
    }
}

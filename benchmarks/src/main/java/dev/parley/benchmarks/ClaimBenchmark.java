package dev.parley.benchmarks;

import dev.parley.adapters.redis.RedisConnector;
import dev.parley.adapters.redis.RedisConversationStore;
import dev.parley.adapters.redis.RedisGateOptions;
import dev.parley.adapters.redis.RedisReplyGate;
import dev.parley.adapters.redis.RedisStoreOptions;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Claiming long conversations: how long a claim takes per 1,000 messages, and what it does to
 * reply-gate decisions running at the same time on the same Redis.
 *
 * <p>Three setups are measured in one run, each while {@code threads} threads make gate decisions
 * as fast as they can: no claim (the floor); the whole conversation read in one reply on the gate's
 * own connection, which is what a claim did before claims returned metadata only (the store's
 * {@code find} reads exactly that: the hash and {@code LRANGE 0 -1}, decoded); and the claim as it
 * is, the history fetched in pages on the sweeper's connection. Decision latencies are those of the
 * decisions made while the read or claim ran, over all rounds.
 */
final class ClaimBenchmark {

    private static final ReplyRules RULES = ReplyRules.defaults();
    private static final GuildId GUILD = GuildId.of("987654321");
    private static final UserId REQUESTER = UserId.of("123456789012345678");
    private static final String WORDS = "words ".repeat(40);

    private final Settings settings;
    private final PrintStream out;
    private final AtomicInteger threadIds = new AtomicInteger(1_000);

    ClaimBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * @param threads     gate deciders running during each claim
     * @param rounds      claims measured per setup
     * @param longHistory messages in the conversation claimed under load
     */
    record Settings(int threads, int rounds, int longHistory) {
    }

    void run(String redisUri) throws Exception {
        try (RedisConnector redis = RedisConnector.connect(redisUri, RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            redis.live().sync().flushall();
            RedisStoreOptions options = RedisStoreOptions.defaults().withKeyPrefix("bench-claim");
            RedisConversationStore store = new RedisConversationStore(redis.live(), redis.sweeper(), options);
            ReplyGate gate = new RedisReplyGate(redis.live(), RULES, RedisGateOptions.defaults().withKeyPrefix("bench-claim"));

            // Warm-up (not printed): the JIT compiles the decoding and the client paths first.
            for (int i = 0; i < 5; i++) {
                ThreadId thread = idle(store, i < 3 ? 1_000 : settings.longHistory());
                store.find(thread);
                timedClaim(store);
            }

            out.printf("%nClaim time by history length (one conversation, nothing else running; median of %d, after a warm-up)%n",
                    settings.rounds());
            out.printf("%10s | %18s | %22s | %18s%n", "messages", "paged claim, ms", "one-reply read, ms", "claim ms / 1,000 msgs");
            for (int length : List.of(1_000, settings.longHistory())) {
                long[] claims = new long[settings.rounds()];
                long[] reads = new long[settings.rounds()];
                for (int round = 0; round < settings.rounds(); round++) {
                    ThreadId thread = idle(store, length);
                    long start = System.nanoTime();
                    store.find(thread);
                    reads[round] = System.nanoTime() - start;
                    claims[round] = timedClaim(store);
                }
                double claimMs = median(claims) / 1e6;
                out.printf("%,10d | %18.1f | %22.1f | %18.1f%n", length, claimMs, median(reads) / 1e6, claimMs * 1_000 / length);
            }

            out.printf("%nGate decisions while a %,d-message conversation is claimed (%d deciding threads, %d claims per setup)%n",
                    settings.longHistory(), settings.threads(), settings.rounds());
            out.printf("%-52s | %9s | %8s | %8s | %8s | %7s%n", "setup", "decisions", "p50 ms", "p99 ms", "max ms", "denied*");
            List<Long> floor = new ArrayList<>();
            List<Long> before = new ArrayList<>();
            List<Long> after = new ArrayList<>();
            AtomicInteger deniedBefore = new AtomicInteger();
            AtomicInteger deniedAfter = new AtomicInteger();
            AtomicInteger deniedFloor = new AtomicInteger();
            for (int round = 0; round < settings.rounds(); round++) {
                ThreadId thread = idle(store, settings.longHistory());
                floor.addAll(decisionsDuring(gate, deniedFloor, () -> sleep(Duration.ofMillis(300))));
                before.addAll(decisionsDuring(gate, deniedBefore, () -> store.find(thread)));
                after.addAll(decisionsDuring(gate, deniedAfter, () -> timedClaim(store)));
            }
            row("no claim", floor, deniedFloor);
            row("one-reply read on the gate's connection (before)", before, deniedBefore);
            row("paged claim on the sweeper's connection (after)", after, deniedAfter);
            out.printf("* denied for storage_unavailable (a decision that waited out the command timeout)%n");
        }
    }

    /** A conversation of {@code length} messages whose idle deadline has just passed. */
    private ThreadId idle(RedisConversationStore store, int length) {
        ThreadId thread = ThreadId.of(Integer.toString(threadIds.incrementAndGet()));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Message> history = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            history.add(Message.chat(start.plusMillis(i), "message " + i + " " + WORDS).from(REQUESTER)
                    .withId(MessageId.of(Long.toString(1_300_000_000_000_000_000L + i))));
        }
        Conversation conversation = new Conversation(thread, start, start.plusMillis(length), "", GUILD, "g", REQUESTER,
                List.of(REQUESTER), history);
        store.create(conversation, Duration.ofMillis(1));
        sleep(Duration.ofMillis(20));
        return thread;
    }

    /** Claims (and acknowledges) the one idle conversation; the claim's duration in nanoseconds. */
    private static long timedClaim(RedisConversationStore store) {
        long start = System.nanoTime();
        List<ClaimedConversation> claimed = store.claimIdle(10, Duration.ofSeconds(60));
        long took = System.nanoTime() - start;
        if (claimed.size() != 1) {
            throw new IllegalStateException("expected one idle conversation, claimed " + claimed.size());
        }
        store.acknowledge(claimed.getFirst().claimId());
        return took;
    }

    /** Latencies (ns) of the gate decisions that started and ended while {@code work} ran. */
    private List<Long> decisionsDuring(ReplyGate gate, AtomicInteger denied, Runnable work) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<List<Long>> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.CountDownLatch warm = new java.util.concurrent.CountDownLatch(settings.threads());
        java.util.concurrent.atomic.AtomicLongArray bounds = new java.util.concurrent.atomic.AtomicLongArray(2);
        for (int t = 0; t < settings.threads(); t++) {
            List<Long> own = new ArrayList<>();
            perThread.add(own);
            threads.add(Thread.ofPlatform().name("bench-decider-" + t).start(() -> {
                int n = 0;
                while (running.get()) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    ReplyRequest request = ReplyRequest.of(ChannelId.of(Long.toString(100_000 + random.nextInt(10_000))),
                            AvatarId.of("avatar-" + random.nextInt(20)), MessageId.of(Long.toString(200_000 + random.nextInt(40_000))));
                    long start = System.nanoTime();
                    GateDecision decision = gate.decide(request);
                    long end = System.nanoTime();
                    if (++n == 100) {
                        warm.countDown();
                    }
                    long from = bounds.get(0);
                    long to = bounds.get(1);
                    if (from != 0 && start >= from && (to == 0 || end <= to)) {
                        own.add(end - start);
                        if (decision instanceof GateDecision.Denied d && d.reason() == DenialReason.STORAGE_UNAVAILABLE) {
                            denied.incrementAndGet();
                        }
                    }
                }
            }));
        }
        warm.await();
        bounds.set(0, System.nanoTime());
        work.run();
        bounds.set(1, System.nanoTime());
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        return all;
    }

    private void row(String setup, List<Long> latencies, AtomicInteger denied) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            out.printf("%-52s | %9d | %8s | %8s | %8s | %7d%n", setup, 0, "-", "-", "-", denied.get());
            return;
        }
        out.printf("%-52s | %,9d | %8.2f | %8.2f | %8.2f | %7d%n", setup, sorted.length, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6, denied.get());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

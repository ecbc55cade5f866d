package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-message conversation expiring while the reply gate is busy on the same Redis: the claim
 * returns metadata, the history comes back in pages of bounded size on the sweeper's connection,
 * and no gate decision is denied for {@code storage_unavailable} meanwhile. Prints the gate's
 * decision latencies while the claim runs (p50, p99) and the claim's duration.
 */
class HugeHistoryTest {

    private static final int MESSAGES = 10_000;
    private static final int GATE_THREADS = 4;

    @Test
    void claimingA10000MessageConversationDeniesNoGateDecisionForStorage() throws Exception {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                RedisConnector redis = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            RedisConversationStore store = new RedisConversationStore(redis.live(), redis.sweeper(),
                    RedisStoreOptions.defaults().withKeyPrefix("huge"));
            ReplyGate gate = new RedisReplyGate(redis.live(), ReplyRules.defaults(), RedisGateOptions.defaults().withKeyPrefix("huge"));
            Duration idle = Duration.ofMillis(500);
            Conversation conversation = Conversation.start(ThreadId.of("4242"), GUILD, GUILD_NAME, REQUESTER, CREATED_AT);
            List<Message> history = new ArrayList<>(MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                history.add(Message.chat(CREATED_AT.plusMillis(i), "message " + i + " " + "words ".repeat(40)).from(REQUESTER)
                        .withId(MessageId.of(Long.toString(1_300_000_000_000_000_000L + i))));
            }
            conversation = new Conversation(conversation.threadId(), conversation.createdAt(), CREATED_AT.plusMillis(MESSAGES - 1),
                    "", GUILD, GUILD_NAME, REQUESTER, List.of(REQUESTER), history);
            store.create(conversation, idle);
            Thread.sleep(idle.toMillis() + 100);

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger unavailable = new AtomicInteger();
            List<long[]> latencies = new ArrayList<>();
            CountDownLatch warmedUp = new CountDownLatch(GATE_THREADS);
            ExecutorService deciders = Executors.newFixedThreadPool(GATE_THREADS);
            List<Future<?>> deciding = new ArrayList<>();
            java.util.concurrent.atomic.AtomicLongArray claimWindow = new java.util.concurrent.atomic.AtomicLongArray(2);
            for (int t = 0; t < GATE_THREADS; t++) {
                long[] own = new long[200_000];
                latencies.add(own);
                deciding.add(deciders.submit(() -> {
                    int n = 0;
                    while (running.get()) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        ReplyRequest request = ReplyRequest.of(ChannelId.of(Long.toString(10_000 + random.nextInt(1_000))),
                                AvatarId.of("avatar-" + random.nextInt(8)), MessageId.of(Long.toString(20_000 + random.nextInt(4_000))));
                        long start = System.nanoTime();
                        GateDecision decision = gate.decide(request);
                        long end = System.nanoTime();
                        if (decision instanceof GateDecision.Denied denied && denied.reason() == DenialReason.STORAGE_UNAVAILABLE) {
                            unavailable.incrementAndGet();
                        }
                        if (n == 200) {
                            warmedUp.countDown();
                        }
                        // Only decisions made while the claim ran count for the figures.
                        if (claimWindow.get(0) != 0 && start >= claimWindow.get(0) && (claimWindow.get(1) == 0 || end <= claimWindow.get(1))
                                && n < own.length) {
                            own[n] = end - start;
                        }
                        n++;
                    }
                    return null;
                }));
            }
            assertThat(warmedUp.await(30, TimeUnit.SECONDS)).isTrue();
            claimWindow.set(0, System.nanoTime());
            List<ClaimedConversation> claimed = store.claimIdle(10, Duration.ofSeconds(60));
            claimWindow.set(1, System.nanoTime());
            running.set(false);
            for (Future<?> f : deciding) {
                f.get(30, TimeUnit.SECONDS);
            }
            deciders.shutdown();

            assertThat(claimed).hasSize(1);
            assertThat(claimed.getFirst().conversation()).isEqualTo(conversation);
            assertThat(unavailable.get()).as("gate decisions denied for storage_unavailable").isZero();
            long[] during = latencies.stream().flatMapToLong(Arrays::stream).filter(ns -> ns > 0).sorted().toArray();
            assertThat(during).as("decisions made while the claim ran").isNotEmpty();
            System.out.printf("HugeHistoryTest: claim of %,d messages took %d ms; %,d gate decisions meanwhile, p50 %.2f ms, p99 %.2f ms%n",
                    MESSAGES, TimeUnit.NANOSECONDS.toMillis(claimWindow.get(1) - claimWindow.get(0)), during.length,
                    percentile(during, 0.50) / 1e6, percentile(during, 0.99) / 1e6);
        }
    }

    @Test
    void aSealedHistoryIsReadInPagesThatKeepToTheByteBudget() {
        String list = "page-test-" + UUID.randomUUID() + ":{0}:sealed-msgs:1:1";
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            entries.add("entry " + i + " " + "y".repeat(ThreadLocalRandom.current().nextInt(10, 400)));
        }
        entries.add(1_500, "z".repeat(100_000)); // one entry larger than the budget comes back alone
        TestConnections.shared().sync().rpush(list, entries.toArray(String[]::new));
        RedisCalls calls = new RedisCalls(TestConnections.shared(), ScriptClock.SERVER);
        int budget = 16 * 1024;

        List<String> read = new ArrayList<>();
        int pages = 0;
        while (read.size() < entries.size()) {
            List<Object> page = calls.script("page", LuaScript.PAGE, ScriptOutputType.MULTI, List.of(list),
                    List.of(Integer.toString(read.size()), "1000", Integer.toString(budget)));
            assertThat(page).isNotEmpty();
            int bytes = page.stream().mapToInt(entry -> ((String) entry).length()).sum();
            assertThat(page.size() == 1 || bytes <= budget).as("page %d: %d entries, %d bytes", pages, page.size(), bytes).isTrue();
            page.forEach(entry -> read.add((String) entry));
            pages++;
        }

        assertThat(read).isEqualTo(entries);
        assertThat(pages).isGreaterThan(entries.size() * 200 / budget);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}

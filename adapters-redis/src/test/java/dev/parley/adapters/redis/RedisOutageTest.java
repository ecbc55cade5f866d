package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Redis failing under the store: killed, hung, or restarted without its scripts. The server is
 * this class's own, persistent (AOF, fsync always) so a restart keeps what was acknowledged, and
 * password-protected so the tests can check no error message leaks the URI.
 */
class RedisOutageTest {

    private static final String PASSWORD = "outage-secret-7f3a";
    private static final Duration IDLE = Duration.ofMinutes(5);
    /** The command timeout is 2 s; two seconds more for a busy machine. */
    private static final long FAIL_WITHIN_MILLIS = 4_000;
    /** Longer than {@link #FAIL_WITHIN_MILLIS}: a call that waited out the hang would be too late. */
    private static final long HANG_MILLIS = 5_000;

    private static RedisServer server;
    private RedisConnector client;
    private RedisConversationStore store;

    @BeforeAll
    static void startServer() {
        server = RedisServer.startLocal(RedisServer.Persistence.AOF_ALWAYS, PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        client = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT);
        store = new RedisConversationStore(client.live(),
                RedisStoreOptions.defaults().withKeyPrefix("outage-" + UUID.randomUUID()));
    }

    @AfterEach
    void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void whileRedisIsDownEveryCallFailsFastAndAfterItReturnsNothingAcknowledgedIsLost() throws Exception {
        Map<ThreadId, List<Message>> stored = new LinkedHashMap<>();
        for (int t = 0; t < 10; t++) {
            ThreadId thread = ThreadId.of(Integer.toString(800 + t));
            store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
            stored.put(thread, new CopyOnWriteArrayList<>());
            for (int i = 0; i < 5; i++) {
                Message m = Message.chat(CREATED_AT.plusSeconds(i), "before " + i).from(REQUESTER);
                store.append(thread, m, IDLE, ConversationLimits.defaults());
                stored.get(thread).add(m);
            }
        }
        // Writers keep going through the outage; what they were told APPENDED must survive it.
        AtomicBoolean running = new AtomicBoolean(true);
        Map<ThreadId, List<Message>> attempted = new ConcurrentHashMap<>();
        List<Long> failureMillis = new CopyOnWriteArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(stored.size());
        List<Future<?>> writing = new ArrayList<>();
        for (ThreadId thread : stored.keySet()) {
            attempted.put(thread, new CopyOnWriteArrayList<>(stored.get(thread)));
            writing.add(writers.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    Message m = Message.chat(CREATED_AT.plusSeconds(100 + i), "during " + i).from(REQUESTER);
                    attempted.get(thread).add(m);
                    long start = System.nanoTime();
                    try {
                        assertThat(store.append(thread, m, IDLE, ConversationLimits.defaults())).isEqualTo(AppendOutcome.APPENDED);
                        stored.get(thread).add(m);
                    } catch (StorageUnavailableException e) {
                        failureMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                        Thread.sleep(50);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(300);

        server.stop();
        for (Executable call : everyOperation()) {
            long start = System.nanoTime();
            assertThatThrownBy(call::execute)
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageStartingWith("Redis unavailable: ")
                    .message().doesNotContain(PASSWORD);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(FAIL_WITHIN_MILLIS);
        }
        Thread.sleep(500);
        server.restart();
        awaitRecovery();
        Thread.sleep(300);
        running.set(false);
        for (Future<?> f : writing) {
            f.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();

        assertThat(failureMillis).as("writers saw the outage").isNotEmpty();
        assertThat(failureMillis).as("no call hung").allSatisfy(ms -> assertThat(ms).isLessThan(FAIL_WITHIN_MILLIS));
        for (ThreadId thread : stored.keySet()) {
            List<Message> history = afterRecovery(() -> store.find(thread)).orElseThrow().history();
            assertThat(history).as("thread %s keeps every acknowledged message in order", thread)
                    .containsSubsequence(stored.get(thread));
            // A call cut off by the crash may or may not have run; it never runs twice.
            assertThat(attempted.get(thread)).containsSubsequence(history);
        }
        assertThat(afterRecovery(store::count)).isEqualTo(stored.size());
    }

    @Test
    void aHungRedisFailsCallsAfterTheCommandTimeoutAndServesThemAgainAfterwards() {
        ThreadId thread = ThreadId.of("900");
        store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
        try (RedisConnector admin = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            admin.live().sync().clientPause(HANG_MILLIS);
            long start = System.nanoTime();

            // Lettuce's own command timeout, not RedisCalls' backstop a second later, ends the wait.
            assertThatThrownBy(() -> store.find(thread))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("no reply to find in time")
                    .hasRootCauseInstanceOf(RedisCommandTimeoutException.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(1_500L, FAIL_WITHIN_MILLIS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                assertThat(store.find(thread)).isPresent();
                break;
            } catch (StorageUnavailableException e) {
                assertThat(System.nanoTime()).as("served again after the pause").isLessThan(deadline);
            }
        }
    }

    @Test
    void scriptsFlushedFromRedisAreSentAgainOnFirstUse() {
        ThreadId thread = ThreadId.of("901");
        RedisClusterCommands<String, String> admin = client.live().sync();
        admin.scriptFlush();
        assertThat(admin.scriptExists(LuaScript.CREATE.sha(), LuaScript.APPEND.sha())).containsExactly(false, false);

        assertThat(store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE)).isTrue();
        admin.scriptFlush();
        assertThat(store.append(thread, Message.chat(CREATED_AT, "after flush").from(REQUESTER), IDLE, ConversationLimits.defaults()))
                .isEqualTo(AppendOutcome.APPENDED);

        assertThat(store.find(thread).orElseThrow().history()).extracting(Message::content).containsExactly("after flush");
        assertThat(admin.scriptExists(LuaScript.APPEND.sha())).as("the fallback loaded it again").containsExactly(true);
    }

    /** Each store operation once, with arguments that would succeed if Redis were up. */
    private List<Executable> everyOperation() {
        ThreadId thread = ThreadId.of("850");
        Message m = Message.chat(CREATED_AT, "while down").from(REQUESTER);
        return List.of(
                () -> store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE),
                () -> store.append(thread, m, IDLE, ConversationLimits.defaults()),
                () -> store.updateSummary(thread, "summary"),
                () -> store.find(thread),
                () -> store.exists(thread),
                () -> store.remove(thread),
                () -> store.findAll(),
                () -> store.count(),
                () -> store.claimIdle(10, IDLE),
                () -> store.acknowledge("0:850:1"));
    }

    private void awaitRecovery() throws InterruptedException {
        afterRecovery(store::count);
    }

    /**
     * {@code read}, retried while the store is still reconnecting: on a loaded machine the client
     * may drop and remake a connection that went silent during the outage once more after the
     * first successful call. What this test judges is what the store holds, not that first call.
     */
    private static <T> T afterRecovery(java.util.function.Supplier<T> read) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return read.get();
            } catch (StorageUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the store did not recover within 15 s after Redis returned", e);
                }
                Thread.sleep(100);
            }
        }
    }
}

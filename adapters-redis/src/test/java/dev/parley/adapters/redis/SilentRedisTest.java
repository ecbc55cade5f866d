package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redis going silent without closing the connection. Paused ({@code SIGSTOP}) longer than the
 * command timeout: every call fails within the timeout and Parley is served again once it runs.
 * Gone behind a proxy that keeps the old connection open but silent (a failover to another host
 * behind the same address): the kernel would notice only after about 15 minutes of
 * retransmissions; the client drops the connection after three calls in a row time out and the
 * new connection reaches the new Redis within seconds.
 */
class SilentRedisTest {

    private static final Duration IDLE = Duration.ofMinutes(5);
    /** The command timeout is 2 s; two seconds more for a busy machine. */
    private static final long FAIL_WITHIN_MILLIS = 4_000;

    @Test
    void aPausedRedisFailsEveryCallWithinTheTimeoutAndServesAgainOnceItRuns() throws Exception {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                RedisConnector redis = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            RedisConversationStore store = new RedisConversationStore(redis.live(), redis.sweeper(), RedisStoreOptions.defaults());
            RedisReplyGate gate = new RedisReplyGate(redis.live(), ReplyRules.defaults(), RedisGateOptions.defaults());
            ThreadId thread = ThreadId.of("61");
            store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);

            server.pause();
            try {
                for (int i = 0; i < 4; i++) {
                    long start = System.nanoTime();
                    try {
                        store.find(thread);
                        throw new AssertionError("a paused Redis answered");
                    } catch (StorageUnavailableException expected) {
                        assertThat(millisSince(start)).as("call %d failed within the timeout", i).isLessThan(FAIL_WITHIN_MILLIS);
                    }
                }
                long start = System.nanoTime();
                GateDecision decision = gate.decide(ReplyRequest.of(ChannelId.of("62"), AvatarId.of("ada"), MessageId.of("63")));
                assertThat(millisSince(start)).isLessThan(FAIL_WITHIN_MILLIS);
                assertThat(((GateDecision.Denied) decision).reason()).isEqualTo(DenialReason.STORAGE_UNAVAILABLE);
            } finally {
                server.resume();
            }

            assertThat(awaitServed(() -> store.find(thread).isPresent())).as("served again after the pause").isTrue();
        }
    }

    @Test
    void aConnectionThatWentSilentIsDroppedAndTheNewRedisBehindTheSameAddressServesWithinSeconds() throws Exception {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                SilencingProxy proxy = new SilencingProxy(server.port());
                RedisConnector redis = RedisConnector.connect(proxy.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            RedisConversationStore store = new RedisConversationStore(redis.live(), redis.sweeper(), RedisStoreOptions.defaults());
            ThreadId thread = ThreadId.of("64");
            store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);

            proxy.silenceExistingConnections();
            long silencedAt = System.nanoTime();

            assertThat(awaitServed(() -> store.find(thread).isPresent())).as("served through a new connection").isTrue();
            assertThat(millisSince(silencedAt)).as("three timeouts, then a reconnect")
                    .isGreaterThanOrEqualTo(RedisCalls.DROP_AFTER_SILENT_CALLS * RedisConnector.DEFAULT_COMMAND_TIMEOUT.toMillis() - 100);
        }
    }

    /** Calls {@code served} until it answers true (a failed call counts as not yet), for 20 s at most. */
    private static boolean awaitServed(java.util.function.BooleanSupplier served) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                if (served.getAsBoolean()) {
                    return true;
                }
            } catch (StorageUnavailableException notYet) {
                // timed out, or refused while reconnecting
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}

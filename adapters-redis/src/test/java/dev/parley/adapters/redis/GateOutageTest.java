package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyRequest;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate failing closed when its own, password-protected Redis is killed or hangs, and recovering after.
 * The client has the production command timeout (2 s): a shorter one also bounds the connection's
 * handshake, which a loaded machine can miss before any test runs. A hang is made longer than the
 * time allowed to decide, so a gate that waited for Redis instead of timing out fails.
 */
class GateOutageTest {

    private static final String PASSWORD = "gate-outage-secret-51c2";
    private static final ChannelId CHANNEL = ChannelId.of("4100");
    /** The command timeout is 2 s; two seconds more for a busy machine. */
    private static final long DENY_WITHIN_MILLIS = 4_000;
    /** Longer than {@link #DENY_WITHIN_MILLIS}: a decision that waited out the hang would be too late. */
    private static final long HANG_MILLIS = 5_000;
    private static final GateDecision UNAVAILABLE = new GateDecision.Denied(DenialReason.STORAGE_UNAVAILABLE, Duration.ofSeconds(1));

    private static RedisServer server;
    private RedisConnector client;
    private RedisReplyGate gate;
    private RedisAvatarRoster roster;

    @BeforeAll
    static void startServer() {
        server = RedisServer.startLocal(RedisServer.Persistence.NONE, PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        client = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT);
        RedisGateOptions options = RedisGateOptions.defaults().withKeyPrefix("outage-" + UUID.randomUUID());
        gate = new RedisReplyGate(client.live(), RedisReplyGateTest.SHORT, options);
        roster = new RedisAvatarRoster(client.live(), 8, options);
    }

    @AfterEach
    void disconnect() {
        if (client != null) {
            client.close();
        }
    }

    private static ReplyRequest ask(String avatar, String trigger) {
        return ReplyRequest.of(CHANNEL, AvatarId.of(avatar), MessageId.of(trigger));
    }

    private static GateDecision timed(Supplier<GateDecision> call) {
        long start = System.nanoTime();
        GateDecision decision = call.get();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("time to decide").isLessThan(DENY_WITHIN_MILLIS);
        return decision;
    }

    /** Waits (15 s at most) until Redis answers a PING on the gate's connection, i.e. the client pause is over. */
    private void awaitPauseOver() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                client.live().sync().ping();
                return;
            } catch (RedisException stillPaused) {
                assertThat(System.nanoTime()).as("Redis answers again after the pause").isLessThan(deadline);
            }
        }
    }

    @Test
    void whileRedisIsDownTheGateDeniesAtOnceAndAfterARestartItAdmitsAgain() {
        assertThat(gate.decide(ask("alice", "1")).admitted()).isTrue();

        server.stop();
        for (int i = 0; i < 3; i++) {
            assertThat(timed(() -> gate.decide(ask("bob", "2")))).isEqualTo(UNAVAILABLE);
            assertThat(timed(() -> gate.decide(ask("carol", "3").overridingCooldown()))).isEqualTo(UNAVAILABLE);
            assertThat(timed(gate::tryTakeNarrativeSlot)).isEqualTo(UNAVAILABLE);
        }
        assertThatThrownBy(() -> roster.activate(CHANNEL, AvatarId.of("alice")))
                .isInstanceOf(StorageUnavailableException.class).message().doesNotContain(PASSWORD);
        assertThatThrownBy(() -> roster.active(CHANNEL)).isInstanceOf(StorageUnavailableException.class);

        // The restarted server is empty and has no scripts: the next calls also go through NOSCRIPT.
        server.restart();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        GateDecision decision = gate.decide(ask("dave", "4"));
        while (!decision.admitted() && System.nanoTime() < deadline) {
            assertThat(decision).isEqualTo(UNAVAILABLE);
            RedisReplyGateTest.sleep(Duration.ofMillis(50));
            decision = gate.decide(ask("dave", "4"));
        }
        assertThat(decision.admitted()).as("admitted after the restart").isTrue();
        assertThat(gate.tryTakeNarrativeSlot().admitted()).isTrue();
        assertThat(roster.activate(CHANNEL, AvatarId.of("alice")).newlyActive()).isTrue();
    }

    /**
     * The gate hides why it denies, so this asks its call path directly: during a hang, the
     * decision's script call ends by Lettuce's command timeout, not by RedisCalls' backstop a
     * second later (which would also keep the gate's denials within the time allowed above).
     */
    @Test
    void aDecisionsCallToAHungRedisEndsByTheCommandTimeout() {
        RedisCalls calls = new RedisCalls(client.live(), ScriptClock.SERVER);
        try (RedisConnector other = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            other.live().sync().clientPause(HANG_MILLIS);

            assertThatThrownBy(() -> calls.integerScript("admit", LuaScript.ADMIT, 3, "t:cd:reply", "t:cd:avatar:alice", "t:trigger:1",
                    "alice", "0", "5000000", "10000000", "2", "30000000", "600000"))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("in time")
                    .hasRootCauseInstanceOf(RedisCommandTimeoutException.class);
        }
        awaitPauseOver();
    }

    @Test
    void aHungRedisIsDeniedWhenTheCommandTimesOut() {
        try (RedisConnector other = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            other.live().sync().clientPause(HANG_MILLIS);

            assertThat(timed(() -> gate.decide(ask("alice", "1")))).isEqualTo(UNAVAILABLE);
        }
        // The decision that timed out was still queued in Redis and ran when the pause ended: it may
        // have taken alice's and the channel's cooldowns (a timed-out write may have been applied).
        // Once Redis answers again, a decision nobody asked before shows the gate works again.
        awaitPauseOver();
        ReplyRequest fresh = ReplyRequest.of(ChannelId.of("4199"), AvatarId.of("bob"), MessageId.of("2"));
        assertThat(gate.decide(fresh).admitted()).as("admitted once Redis answers again").isTrue();
    }
}

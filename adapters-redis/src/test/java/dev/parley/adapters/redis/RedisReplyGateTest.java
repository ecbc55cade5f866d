package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyGateContract;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The gate contract against a real Redis, the second instance on a second client. Redis's clock
 * cannot be moved, so cooldowns are short and {@link #elapse} sleeps. The tests judge waits of
 * 0.5 to 1 s by real time, so they run one at a time and alone: on a two-core machine the
 * contract's sixteen-thread race, or another class's, would starve the calls they time. How much
 * shorter than expected a wait may be is measured, not guessed: the time Redis's clock moved
 * since the gate was built beyond what {@link #elapse} was asked to let pass.
 */
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class RedisReplyGateTest extends ReplyGateContract {

    static final ReplyRules SHORT = ReplyRules.defaults()
            .withAvatarResponseCooldown(Duration.ofMillis(500))
            .withBotReplyCooldown(Duration.ofMillis(1000))
            .withNarrativeCooldown(Duration.ofMillis(1200))
            .withMaxWait(Duration.ofSeconds(2))
            .withTriggerMemory(Duration.ofSeconds(4));

    /** Allowance for Redis's clock (the wall clock, which NTP may slew) against the monotonic clock sleeps use. */
    private static final Duration CLOCK_RATE_ALLOWANCE = Duration.ofMillis(5);

    private final RedisGateOptions options = RedisGateOptions.defaults().withKeyPrefix("gate-test-" + UUID.randomUUID());
    private ReplyRules built;
    /** Redis's time when the test built its gate. */
    private volatile Instant builtAt;
    /** What {@link #elapse} was asked to let pass since, in nanoseconds. */
    private final AtomicLong elapsedNanos = new AtomicLong();

    RedisConnection connection() {
        return TestConnections.shared();
    }

    RedisConnection secondConnection() {
        return TestConnections.second();
    }

    @Override
    protected ReplyGate newGate(ReplyRules rules) {
        built = rules;
        builtAt = redisTime(connection().sync());
        elapsedNanos.set(0);
        return new RedisReplyGate(connection(), rules, options);
    }

    @Override
    protected ReplyGate sharingStateWith(ReplyGate gate) {
        return new RedisReplyGate(secondConnection(), built, options);
    }

    @Override
    protected ReplyRules rules() {
        return SHORT;
    }

    /**
     * Every wait the contract expects is a cooldown minus the elapses since the admission that
     * started it; Redis measures the cooldown on its own clock, which also counted the calls
     * themselves, oversleeping, and any stall of a loaded machine. All of that since the gate was
     * built is Redis's time since then minus the elapses, so a wait is never shorter than
     * expected by more: a few milliseconds on a quiet machine, seconds after a stall.
     */
    @Override
    protected Duration timingSlack() {
        Duration sinceBuilt = Duration.between(builtAt, redisTime(connection().sync()));
        return sinceBuilt.minusNanos(elapsedNanos.get()).plus(CLOCK_RATE_ALLOWANCE);
    }

    @Override
    protected void elapse(Duration duration) {
        sleep(duration);
        elapsedNanos.addAndGet(duration.toNanos());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while letting time pass", e);
        }
    }

    private static ReplyRequest ask(String avatar, String trigger) {
        return ReplyRequest.of(CHANNEL, AvatarId.of(avatar), MessageId.of(trigger));
    }

    private static Instant redisTime(RedisClusterCommands<String, String> sync) {
        List<String> time = sync.time();
        return RedisTime.instant(Long.parseLong(time.get(0)) * 1_000_000L + Long.parseLong(time.get(1)));
    }

    @Test
    void admissionsCarryRedisServerTime() {
        RedisClusterCommands<String, String> sync = connection().sync();
        ReplyGate gate = newGate(rules());

        Instant before = redisTime(sync);
        GateDecision.Admitted reply = (GateDecision.Admitted) gate.decide(ask("alice", "1"));
        GateDecision.Admitted narrative = (GateDecision.Admitted) gate.tryTakeNarrativeSlot();
        Instant after = redisTime(sync);

        assertThat(reply.at()).isBetween(before, after);
        assertThat(narrative.at()).isBetween(reply.at(), after);
    }

    @Test
    void retryAfterIsWholeMillisecondsAndWaitingExactlyThatLongPasses() {
        ReplyGate gate = newGate(rules());
        gate.decide(ask("alice", "1"));

        GateDecision.Denied paced = (GateDecision.Denied) gate.decide(ask("bob", "1"));
        assertThat(paced.retryAfter().toNanos() % 1_000_000).isZero();
        elapse(paced.retryAfter());

        assertThat(gate.decide(ask("bob", "1")).admitted()).isTrue();
    }

    @Test
    void aChannelsKeysShareOneClusterSlotAndForgetTheirState() {
        // The documented defaults: long enough that no key expires while the test reads it.
        ReplyRules rules = ReplyRules.defaults();
        ReplyGate gate = newGate(rules);
        gate.decide(ask("alice", "1"));
        gate.decide(ask("bob", "1"));
        GateKeys keys = new GateKeys(options.keyPrefix());
        AvatarId alice = AvatarId.of("alice");
        RedisClusterCommands<String, String> sync = connection().sync();

        List<String> channelKeys = List.of(keys.botReplyCooldown(CHANNEL), keys.avatarCooldown(CHANNEL, alice),
                keys.trigger(CHANNEL, MessageId.of("1")), keys.roster(CHANNEL), keys.presence(CHANNEL));
        assertThat(channelKeys).extracting(SlotHash::getSlot).containsOnly(SlotHash.getSlot(keys.botReplyCooldown(CHANNEL)));
        assertThat(SlotHash.getSlot(keys.botReplyCooldown(ChannelId.of("77")))).isNotEqualTo(SlotHash.getSlot(channelKeys.getFirst()));
        assertThat(sync.pttl(keys.botReplyCooldown(CHANNEL))).isBetween(1L, rules.botReplyCooldown().toMillis());
        assertThat(sync.pttl(keys.avatarCooldown(CHANNEL, alice))).isBetween(1L, rules.avatarResponseCooldown().toMillis());
        assertThat(sync.pttl(keys.trigger(CHANNEL, MessageId.of("1")))).isBetween(1L, rules.triggerMemory().toMillis());
        assertThat(sync.smembers(keys.trigger(CHANNEL, MessageId.of("1")))).containsExactlyInAnyOrder("alice", "bob");
    }

    @Test
    void aDecisionWritesItsKeysAsUtf8LikeEveryOtherCommand() {
        // decide() writes its arguments itself instead of through Lettuce's codec: the bytes must be the same.
        RedisGateOptions accented = RedisGateOptions.defaults().withKeyPrefix("gäte-test-" + UUID.randomUUID());
        ReplyGate gate = new RedisReplyGate(connection(), ReplyRules.defaults(), accented);
        GateKeys keys = new GateKeys(accented.keyPrefix());
        RedisClusterCommands<String, String> sync = connection().sync();

        assertThat(gate.decide(ask("alice", "1")).admitted()).isTrue();

        assertThat(sync.exists(keys.botReplyCooldown(CHANNEL), keys.avatarCooldown(CHANNEL, AvatarId.of("alice")),
                keys.trigger(CHANNEL, MessageId.of("1")))).isEqualTo(3L);
        assertThat(sync.smembers(keys.trigger(CHANNEL, MessageId.of("1")))).containsExactly("alice");
        assertThat(((GateDecision.Denied) gate.decide(ask("bob", "1"))).reason()).isEqualTo(DenialReason.BOT_REPLY_COOLDOWN);
    }

    @Test
    void aForgottenTriggerTakesNewResponders() {
        ReplyRules rules = rules().withMaxRespondersPerMessage(1).withMaxWait(Duration.ofMillis(200))
                .withTriggerMemory(Duration.ofSeconds(1));
        ReplyGate gate = newGate(rules);
        gate.decide(ask("alice", "1"));
        assertThat(gate.decide(ask("bob", "1").overridingCooldown())).isEqualTo(GateDecision.Denied.respondersFull());

        elapse(rules.triggerMemory().plusMillis(20));

        assertThat(gate.decide(ask("bob", "1")).admitted()).isTrue();
    }

    @Test
    void admitsOneIntegerAnswerIsReadBackExactly() {
        assertThat(RedisReplyGate.decision(1_795_314_583_134_206L))
                .isEqualTo(new GateDecision.Admitted(Instant.parse("2026-11-22T02:29:43.134206Z")));
        assertThat(RedisReplyGate.decision(-(9_991_192L * 4 + 2)))
                .isEqualTo(new GateDecision.Denied(DenialReason.BOT_REPLY_COOLDOWN, Duration.ofMillis(9_992)));
        assertThat(RedisReplyGate.decision(-(1L * 4 + 1)))
                .isEqualTo(new GateDecision.Denied(DenialReason.AVATAR_COOLDOWN, Duration.ofMillis(1)));
        assertThat(RedisReplyGate.decision(-3)).isEqualTo(GateDecision.Denied.respondersFull());
        assertThatThrownBy(() -> RedisReplyGate.decision(-4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFlushedScriptCacheIsRefilledOnTheNextDecision() {
        ReplyGate gate = newGate(rules());
        connection().sync().scriptFlush();

        assertThat(gate.decide(ask("alice", "1")).admitted()).isTrue();
        assertThat(gate.tryTakeNarrativeSlot().admitted()).isTrue();
        GateDecision again = gate.decide(ask("alice", "2"));
        assertThat(((GateDecision.Denied) again).reason()).isEqualTo(DenialReason.AVATAR_COOLDOWN);
    }
}

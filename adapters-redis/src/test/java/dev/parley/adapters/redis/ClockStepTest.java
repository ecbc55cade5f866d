package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.testing.MutableClock;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Redis's clock stepping back (an NTP correction, a failover to a replica whose clock is behind)
 * leaves cooldown deadlines far ahead of "now". No wait may exceed its cooldown, and a paced
 * avatar keeps its place: the stored deadline is re-anchored one cooldown ahead at most.
 */
@Execution(ExecutionMode.CONCURRENT)
class ClockStepTest {

    private static final ChannelId CHANNEL = ChannelId.of("5100");
    private static final ReplyRules RULES = ReplyRules.defaults();

    private final RedisGateOptions options = RedisGateOptions.defaults().withKeyPrefix("step-" + UUID.randomUUID());
    private final GateKeys keys = new GateKeys(options.keyPrefix());

    private static ReplyRequest ask(String avatar, String trigger) {
        return ReplyRequest.of(CHANNEL, AvatarId.of(avatar), MessageId.of(trigger));
    }

    @Test
    void afterTheClockStepsBackAnHourEveryWaitStaysWithinItsCooldownAndThePacedAvatarKeepsItsPlace() {
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)));
        ReplyGate gate = RedisOnTestClock.gate(TestConnections.shared(), RULES, options, clock);
        assertThat(gate.decide(ask("ada", "1")).admitted()).isTrue();
        assertThat(gate.tryTakeNarrativeSlot().admitted()).isTrue();

        clock.set(clock.instant().minus(Duration.ofHours(1)));
        GateDecision.Denied paced = (GateDecision.Denied) gate.decide(ask("bo", "1"));
        GateDecision.Denied own = (GateDecision.Denied) gate.decide(ask("ada", "2"));
        GateDecision.Denied narrative = (GateDecision.Denied) gate.tryTakeNarrativeSlot();

        assertThat(paced.reason()).isEqualTo(DenialReason.BOT_REPLY_COOLDOWN);
        assertThat(paced.retryAfter()).isLessThanOrEqualTo(RULES.botReplyCooldown());
        assertThat(own.retryAfter()).isLessThanOrEqualTo(RULES.botReplyCooldown());
        assertThat(narrative.retryAfter()).isLessThanOrEqualTo(RULES.narrativeCooldown());
        clock.advance(paced.retryAfter());
        assertThat(gate.decide(ask("bo", "1")).admitted()).as("the paced avatar, back after its wait").isTrue();
        assertThat(gate.decide(ask("cy", "1"))).as("bo kept its place: the trigger is full")
                .isEqualTo(GateDecision.Denied.respondersFull());
        clock.advance(narrative.retryAfter());
        assertThat(gate.tryTakeNarrativeSlot().admitted()).isTrue();
    }

    @Test
    void aStoredDeadlineFarAheadOfRedisTimeIsWaitedOutWithinTheCooldown() throws Exception {
        ReplyRules rules = RULES.withBotReplyCooldown(Duration.ofMillis(300)).withAvatarResponseCooldown(Duration.ofMillis(200));
        ReplyGate gate = new RedisReplyGate(TestConnections.shared(), rules, options);
        RedisClusterCommands<String, String> redis = TestConnections.shared().sync();
        List<String> time = redis.time();
        long hourAhead = Long.parseLong(time.get(0)) * 1_000_000L + Long.parseLong(time.get(1)) + 3_600_000_000L;
        redis.set(keys.botReplyCooldown(CHANNEL), Long.toString(hourAhead));
        redis.set(keys.avatarCooldown(CHANNEL, AvatarId.of("ada")), Long.toString(hourAhead));

        GateDecision.Denied denied = (GateDecision.Denied) gate.decide(ask("ada", "1"));

        assertThat(denied.retryAfter()).isLessThanOrEqualTo(rules.botReplyCooldown());
        Thread.sleep(denied.retryAfter().toMillis());
        assertThat(gate.decide(ask("ada", "1")).admitted()).isTrue();
    }
}

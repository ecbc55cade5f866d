package dev.parley.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The system clock stepping back an hour: no wait exceeds its cooldown, as with the Redis gate. */
class ClockStepTest {

    private static final ChannelId CHANNEL = ChannelId.of("5100");
    private static final ReplyRules RULES = ReplyRules.defaults();

    @Test
    void afterTheClockStepsBackAnHourEveryWaitStaysWithinItsCooldown() {
        MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
        InMemoryReplyGate gate = new InMemoryReplyGate(RULES, clock);
        gate.decide(ReplyRequest.of(CHANNEL, AvatarId.of("ada"), MessageId.of("1")));
        gate.tryTakeNarrativeSlot();

        clock.set(clock.instant().minus(Duration.ofHours(1)));
        GateDecision.Denied paced = (GateDecision.Denied) gate.decide(ReplyRequest.of(CHANNEL, AvatarId.of("bo"), MessageId.of("1")));
        GateDecision.Denied narrative = (GateDecision.Denied) gate.tryTakeNarrativeSlot();

        assertThat(paced.retryAfter()).isLessThanOrEqualTo(RULES.botReplyCooldown());
        assertThat(narrative.retryAfter()).isLessThanOrEqualTo(RULES.narrativeCooldown());
        clock.advance(paced.retryAfter());
        assertThat(gate.decide(ReplyRequest.of(CHANNEL, AvatarId.of("bo"), MessageId.of("1"))).admitted()).isTrue();
        clock.advance(narrative.retryAfter());
        assertThat(gate.tryTakeNarrativeSlot().admitted()).isTrue();
    }
}

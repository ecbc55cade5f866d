package dev.parley.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyGateContract;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryReplyGateTest extends ReplyGateContract {

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");

    @Override
    protected ReplyGate newGate(ReplyRules rules) {
        return new InMemoryReplyGate(rules, clock);
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    private static ReplyRequest ask(String avatar, String trigger) {
        return ReplyRequest.of(CHANNEL, AvatarId.of(avatar), MessageId.of(trigger));
    }

    @Test
    void admissionsCarryTheClocksTime() {
        ReplyGate gate = newGate(rules());

        assertThat(gate.decide(ask("alice", "1"))).isEqualTo(new GateDecision.Admitted(clock.instant()));
        assertThat(gate.tryTakeNarrativeSlot()).isEqualTo(new GateDecision.Admitted(clock.instant()));
    }

    @Test
    void aCooldownEndsExactlyWhenRetryAfterSays() {
        ReplyGate gate = newGate(rules());
        gate.decide(ask("alice", "1"));
        GateDecision.Denied paced = (GateDecision.Denied) gate.decide(ask("bob", "1"));
        assertThat(paced.retryAfter()).isEqualTo(Duration.ofSeconds(10));

        elapse(paced.retryAfter().minusNanos(1));
        assertThat(gate.decide(ask("bob", "1"))).isEqualTo(new GateDecision.Denied(DenialReason.BOT_REPLY_COOLDOWN, Duration.ofNanos(1)));
        elapse(Duration.ofNanos(1));
        assertThat(gate.decide(ask("bob", "1")).admitted()).isTrue();
    }

    @Test
    void aForgottenTriggerTakesNewResponders() {
        ReplyGate gate = newGate(rules().withMaxRespondersPerMessage(1));
        gate.decide(ask("alice", "1"));
        assertThat(gate.decide(ask("bob", "1").overridingCooldown())).isEqualTo(GateDecision.Denied.respondersFull());

        elapse(rules().triggerMemory());

        assertThat(gate.decide(ask("bob", "1")).admitted()).isTrue();
    }

    @Test
    void expiredCooldownsAndForgottenTriggersAreSweptAway() {
        InMemoryReplyGate gate = new InMemoryReplyGate(rules(), clock);
        for (int c = 1; c <= 50; c++) {
            ChannelId channel = ChannelId.of(String.valueOf(3000 + c));
            gate.decide(ReplyRequest.of(channel, AvatarId.of("alice"), MessageId.of(String.valueOf(c))));
            gate.decide(ReplyRequest.of(channel, AvatarId.of("bob"), MessageId.of(String.valueOf(c))));
        }
        assertThat(gate.trackedChannels()).isEqualTo(50);
        assertThat(gate.trackedEntries()).isEqualTo(50 * 3);

        elapse(rules().triggerMemory());
        gate.decide(ReplyRequest.of(ChannelId.of("4000"), AvatarId.of("carol"), MessageId.of("99")));
        assertThat(gate.trackedChannels()).as("one decision examines a few channels only").isGreaterThan(50 - 2 * InMemoryReplyGate.SWEEP_STEP);
        for (int i = 0; i < 2 * 51 / InMemoryReplyGate.SWEEP_STEP + 1; i++) { // the cursor's round, then a whole one
            gate.decide(ReplyRequest.of(ChannelId.of("4000"), AvatarId.of("carol"), MessageId.of("99")));
        }

        assertThat(gate.trackedChannels()).isEqualTo(1);
        assertThat(gate.trackedEntries()).isEqualTo(3);
    }
}

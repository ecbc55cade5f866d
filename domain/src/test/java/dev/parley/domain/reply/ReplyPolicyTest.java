package dev.parley.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gate's rule on its own: state in, decision and next state out, no clock and no storage. */
class ReplyPolicyTest {

    private static final ChannelId CHANNEL = ChannelId.of("1100");
    private static final AvatarId ALICE = AvatarId.of("alice");
    private static final AvatarId BOB = AvatarId.of("bob");
    private static final AvatarId CAROL = AvatarId.of("carol");
    private static final MessageId TRIGGER = MessageId.of("5001");
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final ReplyRules RULES = ReplyRules.defaults();

    private final ReplyPolicy policy = new ReplyPolicy(RULES);

    private static ReplyRequest ask(AvatarId avatar) {
        return ReplyRequest.of(CHANNEL, avatar, TRIGGER);
    }

    private static GateState state(Instant avatarEnds, Instant channelEnds, Set<AvatarId> responders) {
        return new GateState(Optional.ofNullable(avatarEnds), Optional.ofNullable(channelEnds), responders,
                responders.isEmpty() ? Optional.empty() : Optional.of(NOW.plus(RULES.triggerMemory())));
    }

    @Test
    void anAdmissionStartsBothCooldownsAndTakesAPlace() {
        ReplyPolicy.Ruling<GateState> ruling = policy.decide(ask(ALICE), GateState.EMPTY, NOW);

        assertThat(ruling.decision()).isEqualTo(new GateDecision.Admitted(NOW));
        assertThat(ruling.next()).isEqualTo(new GateState(Optional.of(NOW.plusSeconds(5)), Optional.of(NOW.plusSeconds(10)),
                Set.of(ALICE), Optional.of(NOW.plus(RULES.triggerMemory()))));
    }

    @Test
    void aNewcomerPacedByTheChannelKeepsAPlaceAndStartsNothing() {
        GateState afterAlice = state(null, NOW.plusSeconds(10), Set.of(ALICE));
        Instant later = NOW.plusSeconds(4);

        ReplyPolicy.Ruling<GateState> ruling = policy.decide(ask(BOB), afterAlice, later);

        assertThat(ruling.decision()).isEqualTo(new GateDecision.Denied(DenialReason.BOT_REPLY_COOLDOWN, Duration.ofSeconds(6)));
        assertThat(ruling.next().responders()).containsExactlyInAnyOrder(ALICE, BOB);
        assertThat(ruling.next().respondersForgottenAt()).contains(later.plus(RULES.triggerMemory()));
        assertThat(ruling.next().botReplyCooldownEnds()).contains(NOW.plusSeconds(10));
        assertThat(ruling.next().avatarCooldownEnds()).isEmpty();
    }

    @Test
    void theAvatarsOwnCooldownIsBlamedWithTheLongestWait() {
        GateState state = state(NOW.plusSeconds(2), NOW.plusSeconds(7), Set.of(ALICE));

        assertThat(policy.decide(ask(ALICE), state, NOW).decision())
                .isEqualTo(new GateDecision.Denied(DenialReason.AVATAR_COOLDOWN, Duration.ofSeconds(7)));
    }

    @Test
    void aFullTriggerRefusesANewcomerForGoodEvenOverridingAndChangesNothing() {
        GateState full = state(null, NOW.plusSeconds(10), Set.of(ALICE, BOB));

        ReplyPolicy.Ruling<GateState> ruling = policy.decide(ask(CAROL).overridingCooldown(), full, NOW);

        assertThat(ruling.decision()).isEqualTo(GateDecision.Denied.respondersFull());
        assertThat(ruling.next()).isEqualTo(full);
    }

    @Test
    void aWaitBeyondTheMaximumTakesNoPlace() {
        ReplyPolicy slowChannel = new ReplyPolicy(RULES.withBotReplyCooldown(RULES.maxWait().multipliedBy(2)));
        GateState state = state(null, NOW.plus(RULES.maxWait()).plusMillis(1), Set.of(ALICE));

        ReplyPolicy.Ruling<GateState> ruling = slowChannel.decide(ask(BOB), state, NOW);

        assertThat(ruling.decision().admitted()).isFalse();
        assertThat(ruling.next().responders()).containsExactly(ALICE);
    }

    @Test
    void aDeadlineFurtherAheadThanItsCooldownWaitsOneCooldownAtMost() {
        GateState stepped = state(NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(2)), Set.of());

        ReplyPolicy.Ruling<GateState> ruling = policy.decide(ask(BOB), stepped, NOW);

        assertThat(ruling.decision()).isEqualTo(new GateDecision.Denied(DenialReason.AVATAR_COOLDOWN, RULES.botReplyCooldown()));
        assertThat(ruling.next().avatarCooldownEnds()).contains(NOW.plus(RULES.avatarResponseCooldown()));
        assertThat(ruling.next().botReplyCooldownEnds()).contains(NOW.plus(RULES.botReplyCooldown()));
    }

    @Test
    void anOverrideSkipsRunningCooldownsAndRestartsThem() {
        GateState state = state(NOW.plusSeconds(3), NOW.plusSeconds(8), Set.of(ALICE));

        ReplyPolicy.Ruling<GateState> ruling = policy.decide(ask(ALICE).overridingCooldown(), state, NOW);

        assertThat(ruling.decision()).isEqualTo(new GateDecision.Admitted(NOW));
        assertThat(ruling.next().botReplyCooldownEnds()).contains(NOW.plusSeconds(10));
    }

    @Test
    void expiredCooldownsAndAForgottenTriggerCountAsAbsent() {
        GateState stale = new GateState(Optional.of(NOW), Optional.of(NOW.minusSeconds(1)), Set.of(BOB, CAROL), Optional.of(NOW));

        ReplyPolicy.Ruling<GateState> ruling = policy.decide(ask(ALICE), stale, NOW);

        assertThat(ruling.decision()).isEqualTo(new GateDecision.Admitted(NOW));
        assertThat(ruling.next().responders()).containsExactly(ALICE);
    }

    @Test
    void zeroCooldownsNeverBlockAndAnAdmissionStartsNone() {
        ReplyPolicy off = new ReplyPolicy(RULES.withAvatarResponseCooldown(Duration.ZERO).withBotReplyCooldown(Duration.ZERO));

        ReplyPolicy.Ruling<GateState> alice = off.decide(ask(ALICE), GateState.EMPTY, NOW);
        ReplyPolicy.Ruling<GateState> bob = off.decide(ask(BOB), alice.next(), NOW);

        assertThat(alice.next().avatarCooldownEnds()).isEmpty();
        assertThat(alice.next().botReplyCooldownEnds()).isEmpty();
        assertThat(bob.decision()).isEqualTo(new GateDecision.Admitted(NOW));
        assertThat(off.decide(ask(CAROL), bob.next(), NOW).decision()).as("the cap still holds").isEqualTo(GateDecision.Denied.respondersFull());
    }

    @Test
    void aReleaseRemovesTheCooldownsItsAdmissionStartedAndKeepsThePlace() {
        ReplyPolicy.Ruling<GateState> admitted = policy.decide(ask(ALICE), GateState.EMPTY, NOW);

        GateState released = policy.release(ask(ALICE), (GateDecision.Admitted) admitted.decision(), admitted.next());

        assertThat(released.avatarCooldownEnds()).isEmpty();
        assertThat(released.botReplyCooldownEnds()).isEmpty();
        assertThat(released.responders()).containsExactly(ALICE);
        assertThat(policy.decide(ask(ALICE), released, NOW.plusMillis(1)).decision()).isInstanceOf(GateDecision.Admitted.class);
    }

    @Test
    void aReleaseLeavesACooldownThatALaterAdmissionTook() {
        GateDecision.Admitted first = new GateDecision.Admitted(NOW);
        Instant later = NOW.plusSeconds(2);
        GateState afterBobOverrode = state(NOW.plusSeconds(5), later.plusSeconds(10), Set.of(ALICE));

        GateState released = policy.release(ask(ALICE), first, afterBobOverrode);

        assertThat(released.avatarCooldownEnds()).as("still the first admission's").isEmpty();
        assertThat(released.botReplyCooldownEnds()).as("the later admission's").contains(later.plusSeconds(10));
    }

    @Test
    void aReleaseOfZeroCooldownsOrOfCooldownsAlreadyGoneChangesNothing() {
        ReplyPolicy off = new ReplyPolicy(RULES.withAvatarResponseCooldown(Duration.ZERO).withBotReplyCooldown(Duration.ZERO));
        GateState someoneElses = state(NOW.plusSeconds(3), NOW.plusSeconds(7), Set.of(ALICE));

        assertThat(off.release(ask(ALICE), new GateDecision.Admitted(NOW), someoneElses)).isEqualTo(someoneElses);
        assertThat(policy.release(ask(ALICE), new GateDecision.Admitted(NOW), GateState.EMPTY)).isEqualTo(GateState.EMPTY);
    }

    @Test
    void theNarrativeSlotIsRefusedWhileItsCooldownRunsAndTakenAfter() {
        ReplyPolicy.Ruling<Optional<Instant>> taken = policy.takeNarrativeSlot(Optional.empty(), NOW);
        ReplyPolicy.Ruling<Optional<Instant>> refused = policy.takeNarrativeSlot(taken.next(), NOW.plusSeconds(60));
        ReplyPolicy.Ruling<Optional<Instant>> again = policy.takeNarrativeSlot(taken.next(), NOW.plus(RULES.narrativeCooldown()));

        assertThat(taken).isEqualTo(new ReplyPolicy.Ruling<>(new GateDecision.Admitted(NOW), Optional.of(NOW.plusSeconds(3600))));
        assertThat(refused.decision()).isEqualTo(new GateDecision.Denied(DenialReason.NARRATIVE_COOLDOWN, Duration.ofSeconds(3540)));
        assertThat(refused.next()).isEqualTo(taken.next());
        assertThat(again.decision().admitted()).isTrue();
    }

    @Test
    void aZeroNarrativeCooldownTakesTheSlotEveryTime() {
        ReplyPolicy off = new ReplyPolicy(RULES.withNarrativeCooldown(Duration.ZERO));

        ReplyPolicy.Ruling<Optional<Instant>> taken = off.takeNarrativeSlot(Optional.empty(), NOW);

        assertThat(taken.next()).isEmpty();
        assertThat(off.takeNarrativeSlot(taken.next(), NOW).decision().admitted()).isTrue();
    }
}

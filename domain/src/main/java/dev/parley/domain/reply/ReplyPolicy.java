package dev.parley.domain.reply;

import dev.parley.domain.avatar.AvatarId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reply gate's rule (decisions.md 10–13) as a pure function of the current state and the time:
 * every {@link ReplyGate} decides as this does, in one atomic step. The memory gate calls it; the
 * Redis gate's scripts ({@code admit.lua}, {@code narrative.lua}) translate it.
 *
 * <p>A decision, in order: the <b>responder cap</b> (an avatar not yet holding a place for the
 * trigger is refused for good once the trigger has its maximum of responders, even when it
 * overrides the cooldowns); then the <b>time cooldowns</b>, skipped under an override (a running
 * one denies with the longest remaining wait, blaming the avatar's own cooldown first, and a newcomer
 * whose wait fits the max wait keeps a place for the trigger, so the responder that is paced still
 * counts); then <b>admission</b>, which starts both cooldowns from now and keeps the avatar's place.
 * A cooldown of zero is off: it never blocks and admission starts nothing for it. Denials start or
 * extend no cooldown. A running cooldown never asks for more than its own length: a deadline further
 * ahead (the clock stepped back) is moved to now plus the cooldown. Each place taken and each admission restarts the trigger's memory.
 *
 * <pre>{@code
 * ReplyPolicy policy = new ReplyPolicy(ReplyRules.defaults());
 * ReplyPolicy.Ruling<GateState> first = policy.decide(ReplyRequest.of(channel, alice, trigger), GateState.EMPTY, now);
 * first.decision();                     // Admitted(now)
 * first.next().botReplyCooldownEnds();  // now + 10 s: no avatar replies in this channel before then
 * first.next().responders();            // [alice]: the trigger has one of its two places taken
 * }</pre>
 */
public final class ReplyPolicy {

    private final ReplyRules rules;

    public ReplyPolicy(ReplyRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules == null");
    }

    public ReplyRules rules() {
        return rules;
    }

    /** A decision and the state that follows it (equal to the state given when nothing changes but expiry). */
    public record Ruling<S>(GateDecision decision, S next) {

        public Ruling {
            Objects.requireNonNull(decision, "decision == null");
            Objects.requireNonNull(next, "next == null");
        }
    }

    /**
     * Decides {@code request} against {@code state} (the state of its avatar, channel and trigger) at
     * {@code now}. Expired cooldowns and a forgotten trigger count as absent and are left out of the
     * next state.
     */
    public Ruling<GateState> decide(ReplyRequest request, GateState state, Instant now) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(now, "now == null");
        Optional<Instant> avatarEnds = running(state.avatarCooldownEnds(), now);
        Optional<Instant> channelEnds = running(state.botReplyCooldownEnds(), now);
        boolean remembered = state.respondersForgottenAt().filter(now::isBefore).isPresent();
        Set<AvatarId> responders = remembered ? state.responders() : Set.of();
        Optional<Instant> forgottenAt = remembered ? state.respondersForgottenAt() : Optional.empty();
        AvatarId avatar = request.avatar();
        boolean member = responders.contains(avatar);

        if (!member && responders.size() >= rules.maxRespondersPerMessage()) {
            return new Ruling<>(GateDecision.Denied.respondersFull(), new GateState(avatarEnds, channelEnds, responders, forgottenAt));
        }
        if (!request.overrideCooldown()) {
            avatarEnds = capped(avatarEnds, rules.avatarResponseCooldown(), now);
            channelEnds = capped(channelEnds, rules.botReplyCooldown(), now);
            Duration avatarWait = remaining(avatarEnds, now);
            Duration channelWait = remaining(channelEnds, now);
            if (avatarWait.isPositive() || channelWait.isPositive()) {
                Duration retryAfter = avatarWait.compareTo(channelWait) >= 0 ? avatarWait : channelWait;
                DenialReason reason = avatarWait.isPositive() ? DenialReason.AVATAR_COOLDOWN : DenialReason.BOT_REPLY_COOLDOWN;
                GateDecision denied = new GateDecision.Denied(reason, retryAfter);
                if (!member && retryAfter.compareTo(rules.maxWait()) <= 0) {
                    return new Ruling<>(denied, new GateState(avatarEnds, channelEnds, with(responders, avatar),
                            Optional.of(now.plus(rules.triggerMemory()))));
                }
                return new Ruling<>(denied, new GateState(avatarEnds, channelEnds, responders, forgottenAt));
            }
        }
        return new Ruling<>(new GateDecision.Admitted(now), new GateState(
                endOf(rules.avatarResponseCooldown(), now), endOf(rules.botReplyCooldown(), now),
                with(responders, avatar), Optional.of(now.plus(rules.triggerMemory()))));
    }

    /**
     * Gives back the cooldowns that {@code admission} of {@code request} took, because the reply it
     * admitted was never delivered (decisions.md 24): each cooldown is removed from {@code state}
     * only while it is still the one that admission started, ending at {@code admission.at()} plus
     * its length. A cooldown a later admission took (another avatar in the channel, the same avatar
     * for another trigger), one re-anchored after a clock step, or one already over is left as it
     * is. The responder's place for the trigger is kept: the cap counts avatars, and the same
     * avatar asking again for the same trigger stays admitted.
     */
    public GateState release(ReplyRequest request, GateDecision.Admitted admission, GateState state) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(admission, "admission == null");
        Objects.requireNonNull(state, "state == null");
        return new GateState(
                released(state.avatarCooldownEnds(), rules.avatarResponseCooldown(), admission.at()),
                released(state.botReplyCooldownEnds(), rules.botReplyCooldown(), admission.at()),
                state.responders(), state.respondersForgottenAt());
    }

    /** {@code ends}, unless it is the deadline an admission at {@code admittedAt} set for {@code cooldown}. */
    private static Optional<Instant> released(Optional<Instant> ends, Duration cooldown, Instant admittedAt) {
        if (cooldown.isZero()) {
            return ends;
        }
        return ends.filter(end -> !end.equals(admittedAt.plus(cooldown)));
    }

    /**
     * Takes the global narrative slot at {@code now} unless the narrative cooldown, ending at
     * {@code cooldownEnds}, still runs: then {@code Denied(NARRATIVE_COOLDOWN, time left)}.
     * The next state is when the cooldown ends afterwards (empty when none runs).
     */
    public Ruling<Optional<Instant>> takeNarrativeSlot(Optional<Instant> cooldownEnds, Instant now) {
        Objects.requireNonNull(cooldownEnds, "cooldownEnds == null");
        Objects.requireNonNull(now, "now == null");
        Optional<Instant> running = capped(running(cooldownEnds, now), rules.narrativeCooldown(), now);
        if (running.isPresent()) {
            return new Ruling<>(new GateDecision.Denied(DenialReason.NARRATIVE_COOLDOWN, Duration.between(now, running.get())), running);
        }
        return new Ruling<>(new GateDecision.Admitted(now), endOf(rules.narrativeCooldown(), now));
    }

    private static Optional<Instant> running(Optional<Instant> ends, Instant now) {
        return ends.filter(now::isBefore);
    }

    /**
     * A running cooldown never lasts longer than itself from now: a deadline further ahead can only
     * mean the clock stepped back, and is moved to now plus the cooldown (empty if that is now).
     */
    private static Optional<Instant> capped(Optional<Instant> ends, Duration cooldown, Instant now) {
        return ends.map(end -> end.isAfter(now.plus(cooldown)) ? now.plus(cooldown) : end).filter(now::isBefore);
    }

    private static Duration remaining(Optional<Instant> ends, Instant now) {
        return ends.map(end -> Duration.between(now, end)).orElse(Duration.ZERO);
    }

    /** When a cooldown started now ends; none for a cooldown that is off. */
    private static Optional<Instant> endOf(Duration cooldown, Instant now) {
        return cooldown.isZero() ? Optional.empty() : Optional.of(now.plus(cooldown));
    }

    private static Set<AvatarId> with(Set<AvatarId> responders, AvatarId avatar) {
        if (responders.contains(avatar)) {
            return responders;
        }
        if (responders.isEmpty()) {
            return Set.of(avatar);
        }
        Set<AvatarId> more = new HashSet<>(responders);
        more.add(avatar);
        return Set.copyOf(more);
    }
}

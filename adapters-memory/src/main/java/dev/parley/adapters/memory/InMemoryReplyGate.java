package dev.parley.adapters.memory;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link ReplyGate} of a single instance: cooldowns and responder sets in memory.
 *
 * <p>Each channel's state is changed only inside {@link ConcurrentHashMap#compute} on its key, so a
 * decision is atomic for its channel while other channels proceed in parallel (no global lock).
 * The clock is read inside that step, so admissions in a channel are ordered as their times are.
 * The narrative slot is one compare-and-set. Expired cooldowns and forgotten triggers are swept
 * at most once a minute of clock time, by whichever decision comes due, and empty channels are
 * dropped, so memory follows recent activity rather than history.
 */
public final class InMemoryReplyGate implements ReplyGate {

    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final ReplyRules rules;
    private final Clock clock;
    private final ConcurrentHashMap<ChannelId, ChannelState> channels = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> narrativeUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<Instant> nextSweep;

    public InMemoryReplyGate(ReplyRules rules, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
    }

    @Override
    public GateDecision decide(ReplyRequest request) {
        Objects.requireNonNull(request, "request == null");
        GateDecision[] decision = new GateDecision[1];
        channels.compute(request.channel(), (channel, state) -> {
            ChannelState s = state == null ? new ChannelState() : state;
            decision[0] = s.decide(request, clock.instant(), rules);
            return s;
        });
        sweepIfDue();
        return decision[0];
    }

    @Override
    public GateDecision tryTakeNarrativeSlot() {
        while (true) {
            Instant now = clock.instant();
            Instant until = narrativeUntil.get();
            if (Duration.between(now, until).compareTo(rules.narrativeCooldown()) > 0) {
                // The clock stepped back: wait one cooldown at most.
                Instant reanchored = now.plus(rules.narrativeCooldown());
                if (!narrativeUntil.compareAndSet(until, reanchored)) {
                    continue;
                }
                until = reanchored;
            }
            if (now.isBefore(until)) {
                return new GateDecision.Denied(DenialReason.NARRATIVE_COOLDOWN, Duration.between(now, until));
            }
            if (narrativeUntil.compareAndSet(until, now.plus(rules.narrativeCooldown()))) {
                return new GateDecision.Admitted(now);
            }
        }
    }

    /** How many channels hold state: for tests of the memory bound. */
    int trackedChannels() {
        return channels.size();
    }

    /** How many cooldowns and trigger sets are held over all channels: for tests of the memory bound. */
    int trackedEntries() {
        int[] total = {0};
        channels.forEach((channel, state) -> channels.computeIfPresent(channel, (c, s) -> {
            total[0] += s.size();
            return s;
        }));
        return total[0];
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
            return;
        }
        for (ChannelId channel : channels.keySet()) {
            channels.computeIfPresent(channel, (c, state) -> state.prune(clock.instant()) ? null : state);
        }
    }

    /** One channel's cooldowns and triggers; guarded by the channel's map entry. */
    private static final class ChannelState {

        private Instant botReplyUntil = Instant.MIN;
        private final Map<AvatarId, Instant> avatarUntil = new HashMap<>();
        private final Map<MessageId, Trigger> triggers = new HashMap<>();

        GateDecision decide(ReplyRequest request, Instant now, ReplyRules rules) {
            Trigger trigger = liveTrigger(request.trigger(), now);
            boolean member = trigger != null && trigger.responders.contains(request.avatar());
            if (!member && trigger != null && trigger.responders.size() >= rules.maxRespondersPerMessage()) {
                return GateDecision.Denied.respondersFull();
            }
            if (!request.overrideCooldown()) {
                Duration avatarWait = remaining(avatarUntil.get(request.avatar()), now);
                Duration channelWait = remaining(botReplyUntil, now);
                // A deadline further ahead than its cooldown means the clock stepped back: wait one cooldown at most.
                if (avatarWait.compareTo(rules.avatarResponseCooldown()) > 0) {
                    avatarWait = rules.avatarResponseCooldown();
                    avatarUntil.put(request.avatar(), now.plus(avatarWait));
                }
                if (channelWait.compareTo(rules.botReplyCooldown()) > 0) {
                    channelWait = rules.botReplyCooldown();
                    botReplyUntil = now.plus(channelWait);
                }
                if (avatarWait.isPositive() || channelWait.isPositive()) {
                    Duration retryAfter = avatarWait.compareTo(channelWait) >= 0 ? avatarWait : channelWait;
                    DenialReason reason = avatarWait.isPositive() ? DenialReason.AVATAR_COOLDOWN : DenialReason.BOT_REPLY_COOLDOWN;
                    if (!member && retryAfter.compareTo(rules.maxWait()) <= 0) {
                        keepPlace(request.trigger(), trigger, request.avatar(), now, rules);
                    }
                    return new GateDecision.Denied(reason, retryAfter);
                }
            }
            avatarUntil.put(request.avatar(), now.plus(rules.avatarResponseCooldown()));
            botReplyUntil = now.plus(rules.botReplyCooldown());
            keepPlace(request.trigger(), trigger, request.avatar(), now, rules);
            return new GateDecision.Admitted(now);
        }

        private Trigger liveTrigger(MessageId id, Instant now) {
            Trigger trigger = triggers.get(id);
            if (trigger != null && !now.isBefore(trigger.forgetAt)) {
                triggers.remove(id);
                return null;
            }
            return trigger;
        }

        private void keepPlace(MessageId id, Trigger existing, AvatarId avatar, Instant now, ReplyRules rules) {
            Trigger trigger = existing != null ? existing : new Trigger();
            trigger.responders.add(avatar);
            trigger.forgetAt = now.plus(rules.triggerMemory());
            triggers.put(id, trigger);
        }

        private static Duration remaining(Instant until, Instant now) {
            return until == null || !now.isBefore(until) ? Duration.ZERO : Duration.between(now, until);
        }

        /** Drops what has expired by {@code now}; true if nothing is left. */
        boolean prune(Instant now) {
            avatarUntil.values().removeIf(until -> !now.isBefore(until));
            triggers.values().removeIf(trigger -> !now.isBefore(trigger.forgetAt));
            if (!now.isBefore(botReplyUntil)) {
                botReplyUntil = Instant.MIN;
            }
            return avatarUntil.isEmpty() && triggers.isEmpty() && botReplyUntil.equals(Instant.MIN);
        }

        int size() {
            return avatarUntil.size() + triggers.size() + (botReplyUntil.equals(Instant.MIN) ? 0 : 1);
        }
    }

    /** The responders holding a place for one trigger message, and when they are forgotten. */
    private static final class Trigger {
        final Set<AvatarId> responders = new LinkedHashSet<>();
        Instant forgetAt;
    }
}

package dev.parley.adapters.memory;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.GateState;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyPolicy;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link ReplyGate} of a single instance: cooldowns and responder sets in memory, each decision
 * made by the {@link ReplyPolicy}.
 *
 * <p>Each channel's state is changed only inside {@link ConcurrentHashMap#compute} on its key, so a
 * decision is atomic for its channel while other channels proceed in parallel (no global lock).
 * The clock is read inside that step, so admissions in a channel are ordered as their times are.
 * The narrative slot is one compare-and-set. Expired cooldowns and forgotten triggers expire
 * like their Redis keys: each decision looks at the next {@value #SWEEP_STEP} channels of a cursor
 * that walks the map round and round, drops what has expired there and drops channels left empty.
 * A decision adds at most one channel and examines several, so the sweep keeps ahead of growth at
 * a fixed cost per call, and memory follows recent activity rather than history.
 */
public final class InMemoryReplyGate implements ReplyGate {

    /** How many channels each decision examines for expired state. */
    static final int SWEEP_STEP = 2;

    private final ReplyPolicy policy;
    private final Clock clock;
    private final ConcurrentHashMap<ChannelId, ChannelState> channels = new ConcurrentHashMap<>();
    private final AtomicReference<Optional<Instant>> narrativeEnds = new AtomicReference<>(Optional.empty());
    private final ReentrantLock sweeping = new ReentrantLock();
    /** Where the sweep stands: a weakly consistent iterator over the channels; guarded by {@link #sweeping}. */
    private Iterator<ChannelId> sweepCursor;

    public InMemoryReplyGate(ReplyRules rules, Clock clock) {
        this.policy = new ReplyPolicy(Objects.requireNonNull(rules, "rules == null"));
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public GateDecision decide(ReplyRequest request) {
        Objects.requireNonNull(request, "request == null");
        GateDecision[] decision = new GateDecision[1];
        channels.compute(request.channel(), (channel, state) -> {
            ChannelState s = state == null ? new ChannelState() : state;
            decision[0] = s.decide(request, clock.instant(), policy);
            return s;
        });
        sweepSome();
        return decision[0];
    }

    @Override
    public void release(ReplyRequest request, GateDecision.Admitted admission) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(admission, "admission == null");
        channels.computeIfPresent(request.channel(), (channel, state) -> {
            state.release(request, admission, policy);
            return state;
        });
    }

    @Override
    public GateDecision tryTakeNarrativeSlot() {
        while (true) {
            Optional<Instant> ends = narrativeEnds.get();
            ReplyPolicy.Ruling<Optional<Instant>> ruling = policy.takeNarrativeSlot(ends, clock.instant());
            if (ruling.next().equals(ends) || narrativeEnds.compareAndSet(ends, ruling.next())) {
                return ruling.decision();
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

    /** Examines the next {@value #SWEEP_STEP} channels of the sweep's cursor; skipped while another call sweeps. */
    private void sweepSome() {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            boolean restarted = false;
            for (int examined = 0; examined < SWEEP_STEP; examined++) {
                if (sweepCursor == null || !sweepCursor.hasNext()) {
                    if (restarted) {
                        return; // the whole map in one call: no need to go round again
                    }
                    sweepCursor = channels.keySet().iterator();
                    restarted = true;
                    if (!sweepCursor.hasNext()) {
                        return;
                    }
                }
                channels.computeIfPresent(sweepCursor.next(), (c, state) -> state.prune(clock.instant()) ? null : state);
            }
        } finally {
            sweeping.unlock();
        }
    }

    /** One channel's cooldowns and triggers; guarded by the channel's map entry. */
    private static final class ChannelState {

        private Instant botReplyUntil = Instant.MIN;
        private final Map<AvatarId, Instant> avatarUntil = new HashMap<>();
        private final Map<MessageId, Trigger> triggers = new HashMap<>();

        GateDecision decide(ReplyRequest request, Instant now, ReplyPolicy policy) {
            ReplyPolicy.Ruling<GateState> ruling = policy.decide(request, stateOf(request), now);
            keep(request, ruling.next());
            return ruling.decision();
        }

        void release(ReplyRequest request, GateDecision.Admitted admission, ReplyPolicy policy) {
            keep(request, policy.release(request, admission, stateOf(request)));
        }

        private GateState stateOf(ReplyRequest request) {
            Trigger trigger = triggers.get(request.trigger());
            return new GateState(Optional.ofNullable(avatarUntil.get(request.avatar())),
                    botReplyUntil.equals(Instant.MIN) ? Optional.empty() : Optional.of(botReplyUntil),
                    trigger == null ? Set.of() : trigger.responders, trigger == null ? Optional.empty() : Optional.of(trigger.forgetAt));
        }

        private void keep(ReplyRequest request, GateState after) {
            after.avatarCooldownEnds().ifPresentOrElse(until -> avatarUntil.put(request.avatar(), until),
                    () -> avatarUntil.remove(request.avatar()));
            botReplyUntil = after.botReplyCooldownEnds().orElse(Instant.MIN);
            if (after.responders().isEmpty()) {
                triggers.remove(request.trigger());
            } else {
                triggers.put(request.trigger(), new Trigger(after.responders(), after.respondersForgottenAt().orElseThrow()));
            }
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
    private record Trigger(Set<AvatarId> responders, Instant forgetAt) {
    }
}

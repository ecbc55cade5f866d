package dev.parley.adapters.memory;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.ChannelRoster;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.RequestId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link AvatarRoster} of a single instance: each channel's {@link ChannelRoster} in memory,
 * which decides every activation, beside the results of its identified activations.
 *
 * <p>A channel's state is replaced only inside {@link ConcurrentHashMap#compute} on its key, so an
 * activation and the rotation it causes are one atomic step per channel, with no global lock. Each
 * channel holds at most the cap of presences (rotated-out ones are returned, not kept).
 *
 * <p>Channels expire as their Redis keys do: a channel without an activation for the channel
 * memory ({@link AvatarRoster#CHANNEL_MEMORY} unless given) starts empty again. An expired channel
 * is dropped when it is next read or activated; besides, each activation looks at the next
 * {@value #SWEEP_STEP} channels of a cursor that walks the map round and round, dropping expired
 * channels and forgotten request results. An activation adds at most one channel and examines
 * several, so the sweep keeps ahead of growth at a fixed cost per call (never a pass over every
 * channel inside one caller's call), and memory follows the channels active within the channel
 * memory rather than every channel ever seen.
 */
public final class InMemoryAvatarRoster implements AvatarRoster {

    /** How many channels each activation examines for expiry. */
    static final int SWEEP_STEP = 2;

    private final int maxActive;
    private final Duration channelMemory;
    private final Clock clock;
    private final ConcurrentHashMap<ChannelId, ChannelState> channels;
    private final Sweep sweep;

    /** A roster keeping at most {@code maxActivePerChannel} avatars active per channel (ReplyRules.maxActiveAvatarsPerChannel). */
    public InMemoryAvatarRoster(int maxActivePerChannel, Clock clock) {
        this(maxActivePerChannel, CHANNEL_MEMORY, clock);
    }

    /** As {@link #InMemoryAvatarRoster(int, Clock)}, forgetting a channel {@code channelMemory} after its last activation. */
    public InMemoryAvatarRoster(int maxActivePerChannel, Duration channelMemory, Clock clock) {
        this(maxActivePerChannel, channelMemory, clock, new ConcurrentHashMap<>(), new Sweep());
    }

    private InMemoryAvatarRoster(int maxActivePerChannel, Duration channelMemory, Clock clock,
            ConcurrentHashMap<ChannelId, ChannelState> channels, Sweep sweep) {
        if (maxActivePerChannel < 1) {
            throw new IllegalArgumentException("maxActivePerChannel must be at least 1, got " + maxActivePerChannel);
        }
        Objects.requireNonNull(channelMemory, "channelMemory == null");
        if (channelMemory.toMillis() < 1) {
            throw new IllegalArgumentException("channelMemory must be at least 1 ms, got " + channelMemory);
        }
        this.maxActive = maxActivePerChannel;
        this.channelMemory = channelMemory;
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.channels = channels;
        this.sweep = sweep;
    }

    /**
     * A roster over this one's channels with another cap, as instances sharing a roster see it
     * after some restarted with a new setting (see {@link AvatarRoster} on a lowered cap).
     */
    public InMemoryAvatarRoster withMaxActivePerChannel(int maxActivePerChannel) {
        return new InMemoryAvatarRoster(maxActivePerChannel, channelMemory, clock, channels, sweep);
    }

    @Override
    public Activation activate(ChannelId channel, AvatarId avatar) {
        return activate(channel, avatar, (RequestId) null);
    }

    @Override
    public Activation activate(ChannelId channel, AvatarId avatar, RequestId request) {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(avatar, "avatar == null");
        Activation[] result = new Activation[1];
        channels.compute(channel, (c, state) -> {
            Instant now = clock.instant();
            ChannelState s = state == null || state.expired(now) ? new ChannelState() : state;
            Activation earlier = request == null ? null : s.earlierResult(request, now);
            if (earlier != null) {
                result[0] = earlier;
                return s;
            }
            ChannelRoster.Rotation rotation = s.roster.activate(avatar, now, maxActive);
            s.roster = rotation.after();
            s.expiresAt = now.plus(channelMemory);
            result[0] = rotation.activation();
            if (request != null) {
                s.results.put(request, new Remembered(result[0], now.plus(RESULT_MEMORY)));
            }
            return s;
        });
        sweepSome();
        return result[0];
    }

    @Override
    public List<Presence> active(ChannelId channel) {
        Objects.requireNonNull(channel, "channel == null");
        ChannelState state = channels.get(channel);
        if (state == null) {
            return List.of();
        }
        if (state.expired(clock.instant())) {
            // Dropped only if it is still the expired one: an activation may have renewed it meanwhile.
            channels.computeIfPresent(channel, (c, current) -> current.expired(clock.instant()) ? null : current);
            return List.of();
        }
        return state.roster.byRecency().stream().limit(maxActive).toList();
    }

    /** How many channels hold a roster: for tests of the memory bound. */
    int trackedChannels() {
        return channels.size();
    }

    /** How many identified activations' results are remembered over all channels: for tests of the memory bound. */
    int rememberedResults() {
        int[] total = {0};
        channels.forEach((channel, state) -> channels.computeIfPresent(channel, (c, s) -> {
            total[0] += s.results.size();
            return s;
        }));
        return total[0];
    }

    /** Examines the next {@value #SWEEP_STEP} channels of the sweep's cursor; skipped while another call sweeps. */
    private void sweepSome() {
        if (!sweep.lock.tryLock()) {
            return;
        }
        try {
            boolean restarted = false;
            for (int examined = 0; examined < SWEEP_STEP; examined++) {
                if (sweep.cursor == null || !sweep.cursor.hasNext()) {
                    if (restarted) {
                        return; // the whole map in one call: no need to go round again
                    }
                    sweep.cursor = channels.keySet().iterator();
                    restarted = true;
                    if (!sweep.cursor.hasNext()) {
                        return;
                    }
                }
                channels.computeIfPresent(sweep.cursor.next(), (c, state) -> {
                    Instant now = clock.instant();
                    if (state.expired(now)) {
                        return null;
                    }
                    state.forgetResults(now);
                    return state;
                });
            }
        } finally {
            sweep.lock.unlock();
        }
    }

    /** Where the sweep stands: a weakly consistent iterator over the channels, used by one caller at a time. */
    private static final class Sweep {
        final ReentrantLock lock = new ReentrantLock();
        /** Guarded by {@link #lock}. */
        Iterator<ChannelId> cursor;
    }

    /** One channel's roster and remembered results; replaced or changed only under the channel's map entry. */
    private static final class ChannelState {
        /** Immutable; the field is written only under the map entry, and read as one reference. */
        volatile ChannelRoster roster = ChannelRoster.EMPTY;
        /** When the channel is forgotten unless activated again; written only under the map entry. */
        volatile Instant expiresAt = Instant.MAX;
        /** Results of identified activations, answered again to a retry until they are forgotten. */
        final Map<RequestId, Remembered> results = new HashMap<>();

        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }

        Activation earlierResult(RequestId request, Instant now) {
            forgetResults(now);
            Remembered remembered = results.get(request);
            return remembered == null ? null : remembered.activation();
        }

        void forgetResults(Instant now) {
            results.values().removeIf(r -> !now.isBefore(r.forgetAt()));
        }
    }

    private record Remembered(Activation activation, Instant forgetAt) {
    }
}

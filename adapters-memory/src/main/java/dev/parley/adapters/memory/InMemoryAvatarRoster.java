package dev.parley.adapters.memory;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.ChannelRoster;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.RequestId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link AvatarRoster} of a single instance: each channel's {@link ChannelRoster} in memory,
 * which decides every activation, beside the results of its identified activations.
 *
 * <p>A channel's state is replaced only inside {@link ConcurrentHashMap#compute} on its key, so an
 * activation and the rotation it causes are one atomic step per channel, with no global lock. Each
 * channel holds at most the cap of presences (rotated-out ones are returned, not kept), so memory
 * is bounded by the number of channels times the cap.
 */
public final class InMemoryAvatarRoster implements AvatarRoster {

    private final int maxActive;
    private final Clock clock;
    private final ConcurrentHashMap<ChannelId, ChannelState> channels;

    /** A roster keeping at most {@code maxActivePerChannel} avatars active per channel (ReplyRules.maxActiveAvatarsPerChannel). */
    public InMemoryAvatarRoster(int maxActivePerChannel, Clock clock) {
        this(maxActivePerChannel, clock, new ConcurrentHashMap<>());
    }

    private InMemoryAvatarRoster(int maxActivePerChannel, Clock clock, ConcurrentHashMap<ChannelId, ChannelState> channels) {
        if (maxActivePerChannel < 1) {
            throw new IllegalArgumentException("maxActivePerChannel must be at least 1, got " + maxActivePerChannel);
        }
        this.maxActive = maxActivePerChannel;
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.channels = channels;
    }

    /**
     * A roster over this one's channels with another cap, as instances sharing a roster see it
     * after some restarted with a new setting (see {@link AvatarRoster} on a lowered cap).
     */
    public InMemoryAvatarRoster withMaxActivePerChannel(int maxActivePerChannel) {
        return new InMemoryAvatarRoster(maxActivePerChannel, clock, channels);
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
            ChannelState s = state == null ? new ChannelState() : state;
            Instant now = clock.instant();
            Activation earlier = request == null ? null : s.earlierResult(request, now);
            if (earlier != null) {
                result[0] = earlier;
                return s;
            }
            ChannelRoster.Rotation rotation = s.roster.activate(avatar, now, maxActive);
            s.roster = rotation.after();
            result[0] = rotation.activation();
            if (request != null) {
                s.results.put(request, new Remembered(result[0], now.plus(RESULT_MEMORY)));
            }
            return s;
        });
        return result[0];
    }

    @Override
    public List<Presence> active(ChannelId channel) {
        Objects.requireNonNull(channel, "channel == null");
        ChannelState state = channels.get(channel);
        return state == null ? List.of() : state.roster.byRecency().stream().limit(maxActive).toList();
    }

    /** One channel's roster and remembered results; replaced or changed only under the channel's map entry. */
    private static final class ChannelState {
        /** Immutable; the field is written only under the map entry, and read as one reference. */
        volatile ChannelRoster roster = ChannelRoster.EMPTY;
        /** Results of identified activations, answered again to a retry until they are forgotten. */
        final Map<RequestId, Remembered> results = new HashMap<>();

        Activation earlierResult(RequestId request, Instant now) {
            results.values().removeIf(r -> !now.isBefore(r.forgetAt()));
            Remembered remembered = results.get(request);
            return remembered == null ? null : remembered.activation();
        }
    }

    private record Remembered(Activation activation, Instant forgetAt) {
    }
}

package dev.parley.adapters.memory;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.RequestId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link AvatarRoster} of a single instance: each channel's active presences in memory.
 *
 * <p>A channel's roster is changed only inside {@link ConcurrentHashMap#compute} on its key, so an
 * activation and the rotation it causes are one atomic step per channel, with no global lock. Each
 * channel holds at most the cap of presences (rotated-out ones are returned, not kept), so memory
 * is bounded by the number of channels times the cap. Activity times that tie (a coarse or
 * stopped clock) are ordered by the order of the calls.
 */
public final class InMemoryAvatarRoster implements AvatarRoster {

    private final int maxActive;
    private final Clock clock;
    private final ConcurrentHashMap<ChannelId, ChannelRoster> channels;

    /** A roster keeping at most {@code maxActivePerChannel} avatars active per channel (ReplyRules.maxActiveAvatarsPerChannel). */
    public InMemoryAvatarRoster(int maxActivePerChannel, Clock clock) {
        this(maxActivePerChannel, clock, new ConcurrentHashMap<>());
    }

    private InMemoryAvatarRoster(int maxActivePerChannel, Clock clock, ConcurrentHashMap<ChannelId, ChannelRoster> channels) {
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
        channels.compute(channel, (c, roster) -> {
            ChannelRoster r = roster == null ? new ChannelRoster() : roster;
            Instant now = clock.instant();
            Activation earlier = request == null ? null : r.earlierResult(request, now);
            result[0] = earlier != null ? earlier : r.activate(avatar, now, maxActive);
            if (request != null && earlier == null) {
                r.remember(request, result[0], now.plus(RESULT_MEMORY));
            }
            return r;
        });
        return result[0];
    }

    @Override
    public List<Presence> active(ChannelId channel) {
        Objects.requireNonNull(channel, "channel == null");
        List<Presence> snapshot = new ArrayList<>();
        channels.computeIfPresent(channel, (c, roster) -> {
            snapshot.addAll(roster.byRecency().stream().limit(maxActive).toList());
            return roster;
        });
        return List.copyOf(snapshot);
    }

    /** One channel's active presences; guarded by the channel's map entry. */
    private static final class ChannelRoster {

        private static final Comparator<Entry> STALEST_FIRST =
                Comparator.comparing((Entry e) -> e.presence.lastActivityAt()).thenComparingLong(e -> e.sequence);

        private final Map<AvatarId, Entry> active = new HashMap<>();
        /** Results of identified activations, answered again to a retry until they are forgotten. */
        private final Map<RequestId, Remembered> results = new HashMap<>();
        private long sequence;

        Activation earlierResult(RequestId request, Instant now) {
            results.values().removeIf(r -> !now.isBefore(r.forgetAt()));
            Remembered remembered = results.get(request);
            return remembered == null ? null : remembered.activation();
        }

        void remember(RequestId request, Activation activation, Instant forgetAt) {
            results.put(request, new Remembered(activation, forgetAt));
        }

        Activation activate(AvatarId avatar, Instant now, int maxActive) {
            Entry current = active.get(avatar);
            boolean newlyActive = current == null;
            Presence presence = newlyActive ? Presence.activated(avatar, now) : current.presence.touched(now);
            active.put(avatar, new Entry(presence, ++sequence));
            List<Presence> deactivated = new ArrayList<>();
            while (active.size() > maxActive) {
                Entry stalest = active.values().stream()
                        .filter(e -> !e.presence.avatar().equals(avatar))
                        .min(STALEST_FIRST)
                        .orElseThrow();
                active.remove(stalest.presence.avatar());
                deactivated.add(stalest.presence.deactivated(now));
            }
            return new Activation(newlyActive, byRecency().stream().limit(maxActive).toList(), deactivated);
        }

        List<Presence> byRecency() {
            return active.values().stream().sorted(STALEST_FIRST.reversed()).map(e -> e.presence).toList();
        }
    }

    private record Entry(Presence presence, long sequence) {
    }

    private record Remembered(Activation activation, Instant forgetAt) {
    }
}

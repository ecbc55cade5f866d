package dev.parley.adapters.memory;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.ChannelRoster;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link AvatarRoster} of a single instance: each channel's {@link ChannelRoster} in memory,
 * which decides every activation.
 *
 * <p>A channel's roster is replaced only inside {@link ConcurrentHashMap#compute} on its key, so an
 * activation and the rotation it causes are one atomic step per channel, with no global lock. Each
 * channel holds at most the cap of presences (rotated-out ones are returned, not kept), so memory
 * is bounded by the number of channels times the cap.
 */
public final class InMemoryAvatarRoster implements AvatarRoster {

    private final int maxActive;
    private final Clock clock;
    private final ConcurrentHashMap<ChannelId, ChannelRoster> channels = new ConcurrentHashMap<>();

    /** A roster keeping at most {@code maxActivePerChannel} avatars active per channel (ReplyRules.maxActiveAvatarsPerChannel). */
    public InMemoryAvatarRoster(int maxActivePerChannel, Clock clock) {
        if (maxActivePerChannel < 1) {
            throw new IllegalArgumentException("maxActivePerChannel must be at least 1, got " + maxActivePerChannel);
        }
        this.maxActive = maxActivePerChannel;
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public Activation activate(ChannelId channel, AvatarId avatar) {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(avatar, "avatar == null");
        Activation[] result = new Activation[1];
        channels.compute(channel, (c, roster) -> {
            ChannelRoster.Rotation rotation = (roster == null ? ChannelRoster.EMPTY : roster).activate(avatar, clock.instant(), maxActive);
            result[0] = rotation.activation();
            return rotation.after();
        });
        return result[0];
    }

    @Override
    public List<Presence> active(ChannelId channel) {
        Objects.requireNonNull(channel, "channel == null");
        ChannelRoster roster = channels.get(channel);
        return roster == null ? List.of() : roster.byRecency();
    }
}

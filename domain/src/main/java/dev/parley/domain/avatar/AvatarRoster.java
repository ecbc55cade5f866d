package dev.parley.domain.avatar;

import dev.parley.domain.id.ChannelId;
import java.util.List;

/**
 * The active avatars of each channel (decisions.md 14): driven port, memory for one instance,
 * Redis for many, built with its cap (8 by default). Every activation is the
 * {@link ChannelRoster}'s rule, applied in one atomic step, safe from many threads (and, for a
 * shared roster, many instances): no observer ever sees more than the cap active in a channel, and
 * every deactivation is reported exactly once, to the caller whose activation caused it. Time is
 * the roster's own clock (the injected clock in memory, the server's {@code TIME} in Redis).
 * Channels are independent. Failures of the backing service surface as
 * {@link dev.parley.domain.StorageUnavailableException}.
 */
public interface AvatarRoster {

    /** Makes {@code avatar} active in {@code channel} now, as when it is summoned or mentioned: {@link ChannelRoster#activate}. */
    Activation activate(ChannelId channel, AvatarId avatar);

    /**
     * Records that {@code avatar} spoke or was mentioned in {@code channel} now. An avatar that
     * speaks or is mentioned is present, so an inactive one is activated (rotating out the stalest
     * if needed): this is {@link #activate}, named for the caller's reason.
     */
    default Activation touch(ChannelId channel, AvatarId avatar) {
        return activate(channel, avatar);
    }

    /** The avatars active in {@code channel}, most recently active first (none: an empty list). */
    List<Presence> active(ChannelId channel);
}

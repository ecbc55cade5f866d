package dev.parley.domain.avatar;

import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.RequestId;
import java.time.Duration;
import java.util.List;

/**
 * The active avatars of each channel (decisions.md 14): driven port, memory for one instance,
 * Redis for many, built with its cap (8 by default). Every activation is the
 * {@link ChannelRoster}'s rule, applied in one atomic step, safe from many threads (and, for a
 * shared roster, many instances): no observer ever sees more than the cap active in a channel, and
 * every deactivation is reported exactly once, to the caller whose activation caused it. Time is
 * the roster's own clock (the injected clock in memory, the server's {@code TIME} in Redis).
 * A cap lowered while a channel holds more avatars (instances sharing a roster restarted with a
 * new setting) takes effect at once: listings show the cap most recently active, and the next
 * activation in the channel deactivates the others and reports them, stalest first. Channels are
 * independent. Failures of the backing service surface as
 * {@link dev.parley.domain.StorageUnavailableException}.
 */
public interface AvatarRoster {

    /** How long an identified activation's result is answered again to a retry of the same request. */
    Duration RESULT_MEMORY = Duration.ofMinutes(15);

    /**
     * How long a channel's roster and presences outlive its last activation by default: a channel
     * without an activation for that long starts empty again, so rosters of channels gone quiet do
     * not pile up (a Redis key's TTL, a memory roster's expiry).
     */
    Duration CHANNEL_MEMORY = Duration.ofDays(30);

    /** Makes {@code avatar} active in {@code channel} now, as when it is summoned or mentioned: {@link ChannelRoster#activate}. */
    Activation activate(ChannelId channel, AvatarId avatar);

    /**
     * {@link #activate(ChannelId, AvatarId)} as one identified request: for
     * {@link #RESULT_MEMORY} after it ran, the same {@code request} in the same channel answers
     * the same {@link Activation} again and changes nothing. A caller whose call failed without an
     * answer (a timeout: it may have run and rotated avatars out) retries with the same id and
     * learns what the first run did, so every rotation is reported exactly once even across retries.
     */
    Activation activate(ChannelId channel, AvatarId avatar, RequestId request);

    /**
     * Records that {@code avatar} spoke or was mentioned in {@code channel} now. An avatar that
     * speaks or is mentioned is present, so an inactive one is activated (rotating out the stalest
     * if needed): this is {@link #activate}, named for the caller's reason.
     */
    default Activation touch(ChannelId channel, AvatarId avatar) {
        return activate(channel, avatar);
    }

    /** {@link #touch(ChannelId, AvatarId)} as one identified request, as {@link #activate(ChannelId, AvatarId, RequestId)}. */
    default Activation touch(ChannelId channel, AvatarId avatar, RequestId request) {
        return activate(channel, avatar, request);
    }

    /** The avatars active in {@code channel}, most recently active first (none: an empty list), never more than the cap. */
    List<Presence> active(ChannelId channel);
}

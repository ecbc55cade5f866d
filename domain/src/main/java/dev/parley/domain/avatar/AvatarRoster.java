package dev.parley.domain.avatar;

import dev.parley.domain.id.ChannelId;
import java.util.List;

/**
 * The active avatars of each channel (decisions.md 14): at most a cap of them (8 by default,
 * {@code parley.avatars.max-active-per-channel}, alias {@code MAX_ACTIVE_AVATARS_PER_CHANNEL}),
 * the least recently active rotated out when another one becomes active. Driven port: memory for
 * one instance, Redis for many. The cap is the adapter's configuration.
 *
 * <p>Every method is one atomic step, safe from many threads (and, for a shared roster, many
 * instances): no observer ever sees more than the cap active in a channel, and every deactivation
 * is reported exactly once, to the caller whose activation caused it. Time is the roster's own
 * clock (the injected clock in memory, the server's {@code TIME} in Redis).
 *
 * <p>Channels are independent. Failures of the backing service surface as
 * {@link dev.parley.domain.StorageUnavailableException}.
 */
public interface AvatarRoster {

    /**
     * Makes {@code avatar} active in {@code channel} now, as when it is summoned or mentioned.
     *
     * <ul>
     *   <li>Already active: its {@code lastActivityAt} becomes now; nothing else changes
     *       ({@link Activation#newlyActive()} is false).</li>
     *   <li>Not active (never seen, or rotated out before): it becomes active with
     *       {@code activatedAt} and {@code lastActivityAt} now and no {@code deactivatedAt}. If the
     *       channel then holds more than the cap, the least recently active others are deactivated
     *       in the same step (their {@code deactivatedAt} now) until it holds the cap, and returned
     *       in {@link Activation#deactivated()}. The avatar being activated is never the one rotated
     *       out, even if others share its activity time.</li>
     * </ul>
     */
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

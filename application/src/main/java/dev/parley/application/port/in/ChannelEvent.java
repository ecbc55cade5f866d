package dev.parley.application.port.in;

import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.MessageId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of handling a channel message, reported in the order it happened: {@link Recorded}
 * first, {@link Done} last; in between {@link Activated}, {@link Replied}, {@link Paced} and
 * {@link Skipped} for each avatar concerned. The HTTP API streams them as NDJSON lines named by
 * {@code event}.
 */
public sealed interface ChannelEvent {

    /** The message is in the channel's conversation ({@code duplicate}: it was there already). */
    record Recorded(MessageId message, boolean duplicate) implements ChannelEvent {
        public Recorded {
            Objects.requireNonNull(message, "message == null");
        }
    }

    /**
     * An avatar became active in the channel (named, summoned, or called by another avatar's
     * {@code summon_avatar}), rotating out {@code deactivated}; not reported for one already active.
     */
    record Activated(AvatarId avatar, List<AvatarId> deactivated) implements ChannelEvent {
        public Activated {
            Objects.requireNonNull(avatar, "avatar == null");
            deactivated = List.copyOf(deactivated);
        }
    }

    /**
     * An avatar answered: the chunks as delivered, and the platform's ids of the posts (empty when
     * the caller posts them itself).
     */
    record Replied(Avatar avatar, List<String> chunks, List<MessageId> posted) implements ChannelEvent {
        public Replied {
            Objects.requireNonNull(avatar, "avatar == null");
            chunks = List.copyOf(chunks);
            posted = List.copyOf(posted);
        }
    }

    /** An avatar holds a place but must wait for a cooldown; it asks again after {@code retryAfter}. */
    record Paced(AvatarId avatar, Duration retryAfter) implements ChannelEvent {
        public Paced {
            Objects.requireNonNull(avatar, "avatar == null");
            Objects.requireNonNull(retryAfter, "retryAfter == null");
        }
    }

    /** An avatar will not answer this message, and why (a final gate denial, the chain limit, a failed generation or post). */
    record Skipped(AvatarId avatar, SkipReason reason) implements ChannelEvent {
        public Skipped {
            Objects.requireNonNull(avatar, "avatar == null");
            Objects.requireNonNull(reason, "reason == null");
        }
    }

    /** Handling is over; always the last event. */
    record Done() implements ChannelEvent {
    }
}

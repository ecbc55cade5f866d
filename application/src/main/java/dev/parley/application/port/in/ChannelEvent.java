package dev.parley.application.port.in;

import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.MessageId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One step of handling a channel message; the HTTP API streams them as NDJSON lines named by {@code event}. */
public sealed interface ChannelEvent {

    /** The message is in the channel's conversation ({@code duplicate}: it was there already). */
    record Recorded(MessageId message, boolean duplicate) implements ChannelEvent {
        public Recorded {
            Objects.requireNonNull(message, "message == null");
        }
    }

    /** A named or summoned avatar became active, rotating out {@code deactivated}. */
    record Activated(AvatarId avatar, List<AvatarId> deactivated) implements ChannelEvent {
        public Activated {
            Objects.requireNonNull(avatar, "avatar == null");
            deactivated = List.copyOf(deactivated);
        }
    }

    /** An avatar answered: the chunks as delivered, and the platform's ids of the posts (if it posted them). */
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

    /** An avatar will not answer this message, and why (a gate reason, {@code chain_limit}, {@code model_failed}, …). */
    record Skipped(AvatarId avatar, String reason) implements ChannelEvent {
        public Skipped {
            Objects.requireNonNull(avatar, "avatar == null");
            Objects.requireNonNull(reason, "reason == null");
        }
    }

    /** Handling is over; always the last event. */
    record Done() implements ChannelEvent {
    }
}

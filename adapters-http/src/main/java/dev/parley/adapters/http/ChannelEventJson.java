package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.application.port.in.AvatarReply;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.domain.avatar.AvatarId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;

/**
 * One line of the NDJSON stream of {@code POST /channels/{channel_id}/messages}: an object naming
 * its {@code event}. A {@code reply} line is written when the reply is ready to post (the caller
 * posts it); {@link ChannelEvent.Replied} adds no line of its own.
 */
sealed interface ChannelEventJson {

    /** The line for {@code event}, or empty for an event that has no line of its own. */
    static Optional<ChannelEventJson> of(ChannelEvent event) {
        return switch (event) {
            case ChannelEvent.Recorded recorded -> Optional.of(new Recorded("recorded", recorded.message().value(), recorded.duplicate()));
            case ChannelEvent.Activated activated -> Optional.of(new Activated("activated", activated.avatar().value(),
                    activated.deactivated().stream().map(AvatarId::value).toList()));
            case ChannelEvent.Replied replied -> Optional.empty();
            case ChannelEvent.Paced paced -> Optional.of(new Paced("paced", paced.avatar().value(), Millis.roundedUp(paced.retryAfter())));
            case ChannelEvent.Skipped skipped -> Optional.of(new Skipped("skipped", skipped.avatar().value(), SkipReasons.name(skipped.reason())));
            case ChannelEvent.Done done -> Optional.of(new Done("done"));
        };
    }

    /** The line for a reply to post. */
    static ChannelEventJson reply(AvatarReply reply) {
        return new Reply("reply", reply.avatar().id().value(), reply.avatar().name(), reply.avatar().imageUrl().orElse(null), reply.chunks());
    }

    @Schema(name = "RecordedLine")
    @JsonPropertyOrder({"event", "message_id", "duplicate"})
    record Recorded(@JsonProperty("event") String event, @JsonProperty("message_id") String messageId,
            @JsonProperty("duplicate") boolean duplicate) implements ChannelEventJson {
    }

    @Schema(name = "ActivatedLine")
    @JsonPropertyOrder({"event", "avatar_id", "deactivated"})
    record Activated(@JsonProperty("event") String event, @JsonProperty("avatar_id") String avatarId,
            @JsonProperty("deactivated") List<String> deactivated) implements ChannelEventJson {
    }

    @Schema(name = "ReplyLine")
    @JsonPropertyOrder({"event", "avatar_id", "name", "image_url", "chunks"})
    record Reply(@JsonProperty("event") String event, @JsonProperty("avatar_id") String avatarId, @JsonProperty("name") String name,
            @JsonProperty("image_url") String imageUrl, @JsonProperty("chunks") List<String> chunks) implements ChannelEventJson {
    }

    @Schema(name = "PacedLine")
    @JsonPropertyOrder({"event", "avatar_id", "retry_after_ms"})
    record Paced(@JsonProperty("event") String event, @JsonProperty("avatar_id") String avatarId,
            @JsonProperty("retry_after_ms") long retryAfterMs) implements ChannelEventJson {
    }

    @Schema(name = "SkippedLine")
    @JsonPropertyOrder({"event", "avatar_id", "reason"})
    record Skipped(@JsonProperty("event") String event, @JsonProperty("avatar_id") String avatarId,
            @JsonProperty("reason") String reason) implements ChannelEventJson {
    }

    @Schema(name = "DoneLine")
    record Done(@JsonProperty("event") String event) implements ChannelEventJson {
    }
}

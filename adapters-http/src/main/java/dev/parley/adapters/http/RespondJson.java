package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.application.port.in.RespondOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer of {@code POST /channels/{channel_id}/respond}: {@code admitted: true} with the avatar,
 * the chunks to post and the message as recorded; or {@code admitted: false} with the gate's
 * {@code reason} and {@code retry_after_ms} (0 for {@code responders_full}).
 */
@Schema(name = "RespondResult")
@JsonPropertyOrder({"admitted", "avatar", "chunks", "message", "reason", "retry_after_ms"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RespondJson(
        @JsonProperty("admitted") boolean admitted,
        @JsonProperty("avatar") AvatarRefJson avatar,
        @JsonProperty("chunks") List<String> chunks,
        @JsonProperty("message") MessageJson message,
        @JsonProperty("reason") String reason,
        @JsonProperty("retry_after_ms") Long retryAfterMs) {

    static RespondJson fromDomain(RespondOutcome outcome) {
        return switch (outcome) {
            case RespondOutcome.Responded responded -> new RespondJson(true, AvatarRefJson.fromDomain(responded.avatar()),
                    responded.chunks(), MessageJson.fromDomain(responded.recorded()), null, null);
            case RespondOutcome.NotAdmitted denied -> new RespondJson(false, null, null, null,
                    GateDecisionJson.reasonName(denied.denial().reason()), Millis.roundedUp(denied.denial().retryAfter()));
        };
    }
}

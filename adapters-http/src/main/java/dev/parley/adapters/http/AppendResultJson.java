package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What adding a message did: {@code appended}, or {@code duplicate} when a message with the same
 * {@code message_id} was added before (nothing changed but the idle time).
 */
@Schema(name = "AppendResult")
public record AppendResultJson(
        @JsonProperty("thread_id") String threadId,
        @JsonProperty("outcome") @Schema(allowableValues = {"appended", "duplicate"}) String outcome) {
}

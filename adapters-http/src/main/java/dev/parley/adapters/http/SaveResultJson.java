package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code POST /conversations/{thread_id}/save}: the archive file the conversation is in now. */
@Schema(name = "SaveResult")
public record SaveResultJson(
        @JsonProperty("thread_id") String threadId,
        @JsonProperty("saved") boolean saved,
        @JsonProperty("filename") String filename) {
}

package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PUT /conversations/{thread_id}/summary}, and its answer. */
@Schema(name = "Summary")
public record SummaryJson(@JsonProperty("thread_id") String threadId, @JsonProperty("summary") String summary) {
}

package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A message's {@code meta}: the user who sent it and the tools it calls, each present only when
 * set ({@code {}} for an AI message without tools), as in the Echo document.
 */
@Schema(name = "MessageMeta")
@JsonPropertyOrder({"requester", "tools"})
public record MetaJson(
        @JsonProperty("requester") @JsonInclude(JsonInclude.Include.NON_NULL) String requester,
        @JsonProperty("tools") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCallJson> tools) {
}

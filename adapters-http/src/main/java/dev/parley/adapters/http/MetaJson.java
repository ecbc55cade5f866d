package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A message's {@code meta}: the user who sent it and the tools it calls, each present only when
 * set ({@code {}} for an AI message without tools), as in the Echo document; then Parley's reply
 * data, also only when set: the author's display name, the avatar that wrote it, {@code bot} (true
 * when a bot wrote it) and the ids of the posts it was delivered as.
 */
@Schema(name = "MessageMeta")
@JsonPropertyOrder({"requester", "tools", "author_name", "avatar_id", "bot", "message_ids"})
public record MetaJson(
        @JsonProperty("requester") @JsonInclude(JsonInclude.Include.NON_NULL) String requester,
        @JsonProperty("tools") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ToolCallJson> tools,
        @JsonProperty("author_name") @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "display name of who wrote it (a person, a bot, or the avatar's name)")
        String authorName,
        @JsonProperty("avatar_id") @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "the avatar that wrote it")
        String avatarId,
        @JsonProperty("bot") @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "true when a bot wrote it; absent otherwise")
        Boolean bot,
        @JsonProperty("message_ids") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "Discord ids of the posts an avatar's reply was delivered as, one per chunk")
        List<String> messageIds) {
}

package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /conversations}: the Echo document's {@code create_conversation} arguments. */
@Schema(name = "CreateConversation")
public record CreateConversationRequest(
        @JsonProperty("thread_id") @Schema(example = "1234567890", requiredMode = Schema.RequiredMode.REQUIRED) String threadId,
        @JsonProperty("guild_id") @Schema(example = "987654321", requiredMode = Schema.RequiredMode.REQUIRED) String guildId,
        @JsonProperty("guild_name") @Schema(example = "My Discord Server", requiredMode = Schema.RequiredMode.REQUIRED) String guildName,
        @JsonProperty("requester") @Schema(example = "123456789012345678", requiredMode = Schema.RequiredMode.REQUIRED) String requester) {
}

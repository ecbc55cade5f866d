package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.application.port.in.LiveConversation;
import io.swagger.v3.oas.annotations.media.Schema;

/** One live conversation in a listing: where, who, when, and how many messages, without the history. */
@Schema(name = "ConversationLine")
@JsonPropertyOrder({"thread_id", "guild_id", "guild_name", "requester", "created_at", "updated_at", "message_count"})
public record ConversationLineJson(
        @JsonProperty("thread_id") String threadId,
        @JsonProperty("guild_id") String guildId,
        @JsonProperty("guild_name") String guildName,
        @JsonProperty("requester") String requester,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("message_count") int messageCount) {

    static ConversationLineJson fromDomain(LiveConversation c) {
        return new ConversationLineJson(c.thread().value(), c.guild().value(), c.guildName(), c.requester().value(),
                WireTime.format(c.createdAt()), WireTime.format(c.updatedAt()), c.messageCount());
    }
}

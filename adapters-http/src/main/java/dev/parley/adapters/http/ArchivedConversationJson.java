package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One archive file in a listing: what it holds, without the history. {@code thread_id} is null for files of the original bot. */
@Schema(name = "ArchivedConversation")
@JsonPropertyOrder({"filename", "thread_id", "guild_id", "guild_name", "requester", "participants", "created_at", "updated_at",
        "message_count"})
public record ArchivedConversationJson(
        @JsonProperty("filename") String filename,
        @JsonProperty("thread_id") String threadId,
        @JsonProperty("guild_id") String guildId,
        @JsonProperty("guild_name") String guildName,
        @JsonProperty("requester") String requester,
        @JsonProperty("participants") List<String> participants,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("message_count") int messageCount) {

    static ArchivedConversationJson fromDomain(ArchivedConversation a) {
        return new ArchivedConversationJson(a.fileName(), a.threadId().map(ThreadId::value).orElse(null), a.guildId().value(),
                a.guildName(), a.requester().value(), a.participants().stream().map(UserId::value).toList(),
                WireTime.format(a.createdAt()), WireTime.format(a.updatedAt()), a.messageCount());
    }
}

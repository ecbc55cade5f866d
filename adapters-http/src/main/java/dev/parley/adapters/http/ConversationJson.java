package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A whole conversation in the Echo document's JSON (its keys in its order), followed by Parley's
 * {@code thread_id} and the {@code filename} it is (or would be) archived under. {@code thread_id}
 * is null for an archive file written by the original bot, which did not record it.
 */
@Schema(name = "Conversation")
@JsonPropertyOrder({"created_at", "updated_at", "summary", "guild_id", "guild_name", "requester", "participants", "history",
        "thread_id", "filename"})
public record ConversationJson(
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("summary") String summary,
        @JsonProperty("guild_id") String guildId,
        @JsonProperty("guild_name") String guildName,
        @JsonProperty("requester") String requester,
        @JsonProperty("participants") List<String> participants,
        @JsonProperty("history") List<MessageJson> history,
        @JsonProperty("thread_id") String threadId,
        @JsonProperty("filename") String filename) {

    static ConversationJson fromDomain(Conversation c, String filename) {
        return new ConversationJson(
                WireTime.format(c.createdAt()),
                WireTime.format(c.updatedAt()),
                c.summary(),
                c.guildId().value(),
                c.guildName(),
                c.requester().value(),
                c.participants().stream().map(UserId::value).toList(),
                c.history().stream().map(MessageJson::fromDomain).toList(),
                c.threadId().value(),
                filename);
    }

    static ConversationJson fromTranscript(ArchivedTranscript transcript) {
        ArchivedConversation entry = transcript.entry();
        return new ConversationJson(
                WireTime.format(entry.createdAt()),
                WireTime.format(entry.updatedAt()),
                transcript.summary(),
                entry.guildId().value(),
                entry.guildName(),
                entry.requester().value(),
                entry.participants().stream().map(UserId::value).toList(),
                transcript.history().stream().map(MessageJson::fromDomain).toList(),
                entry.threadId().map(ThreadId::value).orElse(null),
                entry.fileName());
    }
}

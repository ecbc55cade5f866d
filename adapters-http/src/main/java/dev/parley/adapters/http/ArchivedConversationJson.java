package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.archive.ArchiveHit;
import dev.parley.domain.archive.ArchiveSnippet;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One archive file found by a search: what it holds, without the history, and for a text search
 * the snippets that matched. {@code thread_id} is null for files of the original bot.
 */
@Schema(name = "ArchivedConversation")
@JsonPropertyOrder({"filename", "thread_id", "guild_id", "guild_name", "requester", "participants", "created_at", "updated_at",
        "message_count", "snippets"})
public record ArchivedConversationJson(
        @JsonProperty("filename") String filename,
        @JsonProperty("thread_id") @Schema(nullable = true) String threadId,
        @JsonProperty("guild_id") String guildId,
        @JsonProperty("guild_name") String guildName,
        @JsonProperty("requester") String requester,
        @JsonProperty("participants") List<String> participants,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("message_count") int messageCount,
        @JsonProperty("snippets") @ArraySchema(maxItems = ArchiveHit.MAX_SNIPPETS,
                arraySchema = @Schema(description = "Up to 3 pieces of what matched q, best first; empty without q"))
        List<Snippet> snippets) {

    /**
     * A piece of the summary ({@code message_index} null) or of one message (its index in the
     * history) that matched {@code q}; {@code highlights} are {@code [start, end)} ranges of
     * {@code text} in UTF-16 units (as JavaScript and Java count), one per matching word or phrase.
     */
    @Schema(name = "ArchiveSnippet")
    @JsonPropertyOrder({"message_index", "text", "highlights"})
    public record Snippet(
            @JsonProperty("message_index") @Schema(nullable = true, description = "null for the summary") Integer messageIndex,
            @JsonProperty("text") @Schema(maxLength = ArchiveSnippet.MAX_LENGTH) String text,
            @JsonProperty("highlights") @ArraySchema(arraySchema = @Schema(description = "[start, end) pairs into text"))
            List<List<Integer>> highlights) {

        static Snippet fromDomain(ArchiveSnippet snippet) {
            Integer index = snippet.message().isPresent() ? snippet.message().getAsInt() : null;
            return new Snippet(index, snippet.text(),
                    snippet.highlights().stream().map(h -> List.of(h.start(), h.end())).toList());
        }
    }

    static ArchivedConversationJson fromDomain(ArchiveHit hit) {
        ArchivedConversation a = hit.conversation();
        return new ArchivedConversationJson(a.fileName(), a.threadId().map(ThreadId::value).orElse(null), a.guildId().value(),
                a.guildName(), a.requester().value(), a.participants().stream().map(UserId::value).toList(),
                WireTime.format(a.createdAt()), WireTime.format(a.updatedAt()), a.messageCount(),
                hit.snippets().stream().map(Snippet::fromDomain).toList());
    }
}

package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A message that arrived in a channel, sent by a bot that wants Parley's avatars to answer it.
 * {@code reply_to_message_id}, {@code author_is_bot} and {@code summoned} are optional.
 */
@Schema(name = "ChannelMessage")
public record ChannelMessageJson(
        @JsonProperty("message_id") String messageId,
        @JsonProperty("guild_id") String guildId,
        @JsonProperty("guild_name") String guildName,
        @JsonProperty("author_id") String authorId,
        @JsonProperty("author_name") String authorName,
        @JsonProperty("content") String content,
        @JsonProperty("reply_to_message_id") @Schema(description = "the message it replies to; an avatar's post there makes that avatar answer")
        String replyToMessageId,
        @JsonProperty("author_is_bot") @Schema(description = "true when another bot wrote it (it counts towards the chain limit); default false")
        Boolean authorIsBot,
        @JsonProperty("summoned") @Schema(description = "avatar ids asked to answer whatever the text says; default none")
        List<String> summoned) {
}

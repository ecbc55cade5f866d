package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.UserId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in the Echo document's JSON, read from requests and written in responses. Parley's
 * extras, {@code attachments} (URLs) and {@code message_id} (the Discord message), come after the
 * documented keys and only when set. On input {@code created_at} is optional (the server's time).
 */
@Schema(name = "Message")
@JsonPropertyOrder({"created_at", "message_type", "message_content", "meta", "attachments", "message_id"})
public record MessageJson(
        @JsonProperty("created_at") @Schema(example = "2025-11-25T10:30:00.123456", description = "UTC; optional on input")
        String createdAt,
        @JsonProperty("message_type") @Schema(allowableValues = {"chat", "thinking", "tool_call", "tool_call_response"})
        String messageType,
        @JsonProperty("message_content") String messageContent,
        @JsonProperty("meta") MetaJson meta,
        @JsonProperty("attachments") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> attachments,
        @JsonProperty("message_id") @JsonInclude(JsonInclude.Include.NON_NULL) String messageId) {

    static MessageJson fromDomain(Message message) {
        return new MessageJson(
                WireTime.format(message.createdAt()),
                typeName(message.type()),
                message.content(),
                new MetaJson(message.requester().map(UserId::value).orElse(null),
                        message.tools().stream().map(ToolCallJson::fromDomain).toList(),
                        message.authorName().orElse(null),
                        message.avatar().map(AvatarId::value).orElse(null),
                        message.authorIsBot() ? Boolean.TRUE : null,
                        message.postedIds().stream().map(MessageId::value).toList()),
                message.attachments(),
                message.id().map(MessageId::value).orElse(null));
    }

    /** The message this JSON describes, stamped {@code now} when it has no {@code created_at}. */
    Message toDomain(Instant now) {
        if (messageType == null) {
            throw ApiException.missingField("message_type", "one of chat, thinking, tool_call, tool_call_response");
        }
        MessageType type = type(messageType);
        if (messageContent == null) {
            throw ApiException.missingField("message_content", "the text of the message (it may be empty)");
        }
        Instant created = createdAt == null ? now : WireTime.parse("created_at", createdAt);
        Optional<UserId> requester = Optional.empty();
        List<ToolCall> tools = List.of();
        Optional<String> authorName = Optional.empty();
        Optional<AvatarId> avatar = Optional.empty();
        boolean bot = false;
        List<MessageId> posted = List.of();
        if (meta != null) {
            authorName = Optional.ofNullable(meta.authorName());
            avatar = Optional.ofNullable(meta.avatarId()).map(AvatarId::of);
            bot = Boolean.TRUE.equals(meta.bot());
            if (meta.messageIds() != null) {
                if (meta.messageIds().stream().anyMatch(Objects::isNull)) {
                    throw ApiException.invalid(ErrorCodes.INVALID_INPUT, "meta.message_ids must be a list of message id strings, got a null entry");
                }
                posted = meta.messageIds().stream().map(value -> Ids.message("meta.message_ids", value)).toList();
            }
            if (meta.requester() != null) {
                requester = Optional.of(Ids.user("meta.requester", meta.requester()));
            }
            if (meta.tools() != null) {
                if (meta.tools().stream().anyMatch(Objects::isNull)) {
                    throw ApiException.invalid(ErrorCodes.INVALID_INPUT, "meta.tools must be a list of {name, params} objects, got a null entry");
                }
                tools = meta.tools().stream().map(ToolCallJson::toDomain).toList();
            }
        }
        List<String> urls = attachments == null ? List.of() : attachments;
        if (urls.stream().anyMatch(Objects::isNull)) {
            throw ApiException.invalid(ErrorCodes.INVALID_INPUT, "attachments must be a list of URL strings, got a null entry");
        }
        Optional<MessageId> id = messageId == null ? Optional.empty() : Optional.of(MessageId.of(messageId));
        return new Message(created, type, messageContent, requester, tools, urls, id, authorName, avatar, bot, posted);
    }

    /** The API's name of a message type: lowercase, as in the Echo document ({@code tool_call}). */
    static String typeName(MessageType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static MessageType type(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(MessageType.values()).filter(type -> typeName(type).equals(lower)).findFirst()
                .orElseThrow(() -> ApiException.invalid(ErrorCodes.INVALID_MESSAGE_TYPE, "message_type must be one of "
                        + String.join(", ", Arrays.stream(MessageType.values()).map(MessageJson::typeName).toList()) + ", got "
                        + WireTime.quoted(name)));
    }
}

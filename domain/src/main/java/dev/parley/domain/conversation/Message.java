package dev.parley.domain.conversation;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a conversation's history. A user's message carries its {@code requester}; an AI
 * message (thinking, the model's chat, tool calls and their responses) carries none.
 *
 * <p>{@code createdAt} is kept to the microsecond, the precision of the archive format, so a
 * message read back from an archive equals the one written. {@code id}, when set, is the Discord
 * message it came from; a store recognises a replay of the same id and keeps one copy.
 *
 * <pre>{@code
 * Message hello = Message.chat(now, "Hello, Echo!").from(UserId.of("123456789012345678"));
 * }</pre>
 */
public record Message(
        Instant createdAt,
        MessageType type,
        String content,
        Optional<UserId> requester,
        List<ToolCall> tools,
        List<String> attachments,
        Optional<MessageId> id) {

    public Message {
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(type, "type == null");
        if (content == null) {
            throw new InvalidInputException(InputField.MESSAGE_CONTENT, "is required (it may be empty)");
        }
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
        requester = Objects.requireNonNullElse(requester, Optional.empty());
        tools = tools == null ? List.of() : List.copyOf(tools);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        id = Objects.requireNonNullElse(id, Optional.empty());
        for (String url : attachments) {
            if (url.isBlank()) {
                throw new InvalidInputException(InputField.ATTACHMENTS, "must not be blank");
            }
        }
    }

    /** A message of {@code type} with no requester, tools, attachments or id. */
    public static Message of(Instant createdAt, MessageType type, String content) {
        return new Message(createdAt, type, content, Optional.empty(), List.of(), List.of(), Optional.empty());
    }

    public static Message chat(Instant createdAt, String content) {
        return of(createdAt, MessageType.CHAT, content);
    }

    /** This message, sent by {@code user}. */
    public Message from(UserId user) {
        return new Message(createdAt, type, content, Optional.of(user), tools, attachments, id);
    }

    public Message withTools(List<ToolCall> toolCalls) {
        return new Message(createdAt, type, content, requester, toolCalls, attachments, id);
    }

    public Message withAttachments(List<String> urls) {
        return new Message(createdAt, type, content, requester, tools, urls, id);
    }

    public Message withId(MessageId messageId) {
        return new Message(createdAt, type, content, requester, tools, attachments, Optional.of(messageId));
    }
}

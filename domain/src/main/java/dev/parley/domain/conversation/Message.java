package dev.parley.domain.conversation;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.avatar.AvatarId;
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
 * <p>What a reply needs to know about a message, each optional: the author's display name (a
 * person's, another bot's, or the avatar's name for an avatar's reply), the avatar that wrote it,
 * whether a bot wrote it, and the platform's ids of the posts it was delivered as (a reply split
 * into chunks has one per chunk, so a reply to any of them finds the avatar).
 *
 * <pre>{@code
 * Message hello = Message.chat(now, "Hello, Echo!").from(UserId.of("123456789012345678")).withAuthorName("Alice");
 * Message reply = Message.chat(now, "Hi Alice!").fromAvatar(AvatarId.of("echo")).withAuthorName("Echo")
 *         .withPostedIds(List.of(MessageId.of("1311111111111111112")));
 * }</pre>
 */
public record Message(
        Instant createdAt,
        MessageType type,
        String content,
        Optional<UserId> requester,
        List<ToolCall> tools,
        List<String> attachments,
        Optional<MessageId> id,
        Optional<String> authorName,
        Optional<AvatarId> avatar,
        boolean authorIsBot,
        List<MessageId> postedIds) {

    /** The longest author name kept: far beyond any platform's display names, short enough for a prompt line. */
    public static final int MAX_AUTHOR_NAME_LENGTH = 200;

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
        authorName = Objects.requireNonNullElse(authorName, Optional.empty());
        authorName.ifPresent(Message::requireAuthorName);
        avatar = Objects.requireNonNullElse(avatar, Optional.empty());
        postedIds = postedIds == null ? List.of() : List.copyOf(postedIds);
    }

    /** A message without the reply data (author name, avatar, bot flag, posted ids). */
    public Message(Instant createdAt, MessageType type, String content, Optional<UserId> requester, List<ToolCall> tools,
            List<String> attachments, Optional<MessageId> id) {
        this(createdAt, type, content, requester, tools, attachments, id, Optional.empty(), Optional.empty(), false, List.of());
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
        return new Message(createdAt, type, content, Optional.of(user), tools, attachments, id, authorName, avatar, authorIsBot,
                postedIds);
    }

    public Message withTools(List<ToolCall> toolCalls) {
        return new Message(createdAt, type, content, requester, toolCalls, attachments, id, authorName, avatar, authorIsBot,
                postedIds);
    }

    public Message withAttachments(List<String> urls) {
        return new Message(createdAt, type, content, requester, tools, urls, id, authorName, avatar, authorIsBot, postedIds);
    }

    public Message withId(MessageId messageId) {
        return new Message(createdAt, type, content, requester, tools, attachments, Optional.of(messageId), authorName, avatar,
                authorIsBot, postedIds);
    }

    /** This message, written by someone shown as {@code name}. */
    public Message withAuthorName(String name) {
        return new Message(createdAt, type, content, requester, tools, attachments, id, Optional.of(name), avatar, authorIsBot,
                postedIds);
    }

    /** This message, written by the avatar {@code writer} (an avatar's reply, its thinking or its tool calls). */
    public Message fromAvatar(AvatarId writer) {
        return new Message(createdAt, type, content, requester, tools, attachments, id, authorName, Optional.of(writer), authorIsBot,
                postedIds);
    }

    /** This message, written by a bot (another bot, or another bot's avatar). */
    public Message fromBot() {
        return new Message(createdAt, type, content, requester, tools, attachments, id, authorName, avatar, true, postedIds);
    }

    /** This message, delivered as the platform's posts {@code ids}, in order. */
    public Message withPostedIds(List<MessageId> ids) {
        return new Message(createdAt, type, content, requester, tools, attachments, id, authorName, avatar, authorIsBot, ids);
    }

    /** Whether a bot or an avatar wrote it, rather than a person. */
    public boolean writtenByMachine() {
        return authorIsBot || avatar.isPresent();
    }

    /** Whether {@code message} is this message or one of its posts. */
    public boolean isOrWasPostedAs(MessageId message) {
        return id.filter(message::equals).isPresent() || postedIds.contains(message);
    }

    /**
     * The UTF-8 bytes of all its text: content, author name, attachment URLs, tool names and tool
     * parameters (keys and strings; numbers, booleans and nulls as their JSON text). What
     * {@link ConversationLimits} counts; the same whichever store holds the message.
     */
    public long weight() {
        long bytes = utf8Length(content);
        if (authorName.isPresent()) {
            bytes += utf8Length(authorName.get());
        }
        for (String url : attachments) {
            bytes += utf8Length(url);
        }
        for (ToolCall call : tools) {
            bytes += utf8Length(call.name()) + weightOf(call.params());
        }
        return bytes;
    }

    /** How many bytes {@code text} takes as UTF-8 (a lone surrogate counts as the one byte of its replacement {@code ?}). */
    public static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static long weightOf(Object value) {
        java.util.ArrayDeque<Object> pending = new java.util.ArrayDeque<>();
        pending.push(value == null ? "null" : value);
        long bytes = 0;
        while (!pending.isEmpty()) {
            Object next = pending.pop();
            if (next instanceof String text) {
                bytes += utf8Length(text);
            } else if (next instanceof java.util.Map<?, ?> map) {
                for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                    bytes += utf8Length(String.valueOf(entry.getKey()));
                    pending.push(entry.getValue() == null ? "null" : entry.getValue());
                }
            } else if (next instanceof List<?> list) {
                list.forEach(item -> pending.push(item == null ? "null" : item));
            } else {
                bytes += next.toString().length();
            }
        }
        return bytes;
    }

    private static void requireAuthorName(String name) {
        if (name.isBlank()) {
            throw new InvalidInputException(InputField.AUTHOR_NAME, "must not be blank");
        }
        if (name.length() > MAX_AUTHOR_NAME_LENGTH) {
            throw new InvalidInputException(InputField.AUTHOR_NAME,
                    "must be at most " + MAX_AUTHOR_NAME_LENGTH + " characters, got " + name.length());
        }
    }
}

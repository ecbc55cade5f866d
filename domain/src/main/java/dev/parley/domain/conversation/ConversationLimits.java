package dev.parley.domain.conversation;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.InvalidInputException.Rule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bounds on what a conversation accepts, so that whatever was accepted can be read, listed,
 * saved and archived afterwards. {@link #check(Message)} applies the bounds on one message before
 * it is stored; a store applies {@link #refusal} (how many messages and bytes one conversation may
 * hold) in the same atomic step as the append. {@link #defaults()} are Parley's defaults, written
 * here only: the configuration starts from them.
 *
 * <p>A message's size is its {@link Message#weight() weight}: the UTF-8 bytes of all its text.
 * Text must be valid Unicode: a lone UTF-16 surrogate (JSON {@code "\ud800"} without its pair)
 * cannot be written as UTF-8 and would come back from an archive or Redis as {@code ?}, so it is
 * refused rather than changed.
 *
 * @param maxMessageBytes the most UTF-8 bytes of text one message holds
 * @param maxJsonDepth the deepest a tool call's parameters nest: the {@code params} object is level 1
 * @param maxMessages the most messages one conversation holds
 * @param maxBytes the most UTF-8 bytes of message text one conversation holds
 */
public record ConversationLimits(int maxMessageBytes, int maxJsonDepth, int maxMessages, long maxBytes) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_JSON_DEPTH = 32;
    public static final int DEFAULT_MAX_MESSAGES = 10_000;
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    public ConversationLimits {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("max message bytes must be at least 1, got " + maxMessageBytes);
        }
        if (maxJsonDepth < 1) {
            throw new IllegalArgumentException("max JSON depth must be at least 1, got " + maxJsonDepth);
        }
        if (maxMessages < 1) {
            throw new IllegalArgumentException("max messages must be at least 1, got " + maxMessages);
        }
        if (maxBytes < maxMessageBytes) {
            throw new IllegalArgumentException("max conversation bytes (" + maxBytes + ") must be at least the max message bytes ("
                    + maxMessageBytes + "), or no conversation could hold its largest message");
        }
    }

    /** 256 KiB per message, tool parameters 32 levels deep, 10,000 messages and 16 MiB per conversation. */
    public static ConversationLimits defaults() {
        return new ConversationLimits(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_JSON_DEPTH, DEFAULT_MAX_MESSAGES, DEFAULT_MAX_BYTES);
    }

    public ConversationLimits withMaxMessageBytes(int bytes) {
        return new ConversationLimits(bytes, maxJsonDepth, maxMessages, maxBytes);
    }

    public ConversationLimits withMaxJsonDepth(int depth) {
        return new ConversationLimits(maxMessageBytes, depth, maxMessages, maxBytes);
    }

    public ConversationLimits withMaxMessages(int messages) {
        return new ConversationLimits(maxMessageBytes, maxJsonDepth, messages, maxBytes);
    }

    public ConversationLimits withMaxBytes(long bytes) {
        return new ConversationLimits(maxMessageBytes, maxJsonDepth, maxMessages, bytes);
    }

    /**
     * Refuses a message that breaks a bound on one message: text that is not valid Unicode, tool
     * parameters nested deeper than {@link #maxJsonDepth}, more than {@link #maxMessageBytes} of text.
     *
     * @throws InvalidInputException naming the part of the message at fault
     */
    public void check(Message message) {
        requireUnicode(InputField.MESSAGE_CONTENT, message.content());
        message.authorName().ifPresent(name -> requireUnicode(InputField.AUTHOR_NAME, name));
        message.attachments().forEach(url -> requireUnicode(InputField.ATTACHMENTS, url));
        for (ToolCall call : message.tools()) {
            requireUnicode(InputField.TOOL_CALL, call.name());
            requireUnicodeValue(call.params());
            int depth = depthOf(call.params(), 1);
            if (depth > maxJsonDepth) {
                throw new InvalidInputException(InputField.TOOL_PARAMETERS, Rule.TOO_DEEP, "must nest at most " + maxJsonDepth
                        + " levels deep (the params object is level 1), got more than " + maxJsonDepth);
            }
        }
        long contentBytes = Message.utf8Length(message.content());
        if (contentBytes > maxMessageBytes) {
            throw new InvalidInputException(InputField.MESSAGE_CONTENT, Rule.TOO_LARGE,
                    "must be at most " + maxMessageBytes + " bytes of UTF-8, got " + contentBytes);
        }
        long weight = message.weight();
        if (weight > maxMessageBytes) {
            throw new InvalidInputException(InputField.MESSAGE, Rule.TOO_LARGE, "must hold at most " + maxMessageBytes
                    + " bytes of UTF-8 text (content, author name, attachments, tool names and parameters together), got " + weight);
        }
    }

    /**
     * Refuses other text a conversation keeps (its summary, its guild's name): not valid Unicode, or
     * more than {@link #maxMessageBytes} of UTF-8.
     */
    public void checkText(InputField field, String text) {
        requireUnicode(field, text);
        long bytes = Message.utf8Length(text);
        if (bytes > maxMessageBytes) {
            throw new InvalidInputException(field, Rule.TOO_LARGE, "must be at most " + maxMessageBytes + " bytes of UTF-8, got " + bytes);
        }
    }

    /**
     * Why a conversation holding {@code messages} messages of {@code bytes} bytes cannot take one
     * more of {@code weight} bytes: {@link AppendOutcome#MESSAGE_LIMIT} or {@link AppendOutcome#BYTE_LIMIT};
     * empty if it can. The rule every store follows (the memory store calls it, the Redis store's
     * append script translates it).
     */
    public Optional<AppendOutcome> refusal(int messages, long bytes, long weight) {
        if (messages >= maxMessages) {
            return Optional.of(AppendOutcome.MESSAGE_LIMIT);
        }
        if (bytes + weight > maxBytes) {
            return Optional.of(AppendOutcome.BYTE_LIMIT);
        }
        return Optional.empty();
    }

    /** The nesting depth of {@code value}, which sits at {@code level}; stops counting once past the limit. */
    private int depthOf(Object value, int level) {
        if (level > maxJsonDepth) {
            return level;
        }
        int deepest = level;
        if (value instanceof Map<?, ?> map) {
            for (Object child : map.values()) {
                if (child instanceof Map<?, ?> || child instanceof List<?>) {
                    deepest = Math.max(deepest, depthOf(child, level + 1));
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object child : list) {
                if (child instanceof Map<?, ?> || child instanceof List<?>) {
                    deepest = Math.max(deepest, depthOf(child, level + 1));
                }
            }
        }
        return deepest;
    }

    /** Every key and string in tool parameters; iterative, so no nesting can overflow the stack. */
    private static void requireUnicodeValue(Object root) {
        java.util.ArrayDeque<Object> pending = new java.util.ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object value = pending.pop();
            if (value instanceof String text) {
                requireUnicode(InputField.TOOL_PARAMETERS, text);
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, child) -> {
                    requireUnicode(InputField.TOOL_PARAMETERS, (String) key);
                    if (child != null) {
                        pending.push(child);
                    }
                });
            } else if (value instanceof List<?> list) {
                list.forEach(child -> {
                    if (child != null) {
                        pending.push(child);
                    }
                });
            }
        }
    }

    /** Refuses a lone UTF-16 surrogate: text that has no UTF-8 form. */
    static void requireUnicode(InputField field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException(field, Rule.NOT_UNICODE, String.format(
                        "must be valid Unicode text, but holds a lone surrogate \\u%04x at character %d; send UTF-8,"
                                + " or escape a character beyond U+FFFF as a surrogate pair (\\ud83d\\ude00)", (int) c, i));
            }
        }
    }
}

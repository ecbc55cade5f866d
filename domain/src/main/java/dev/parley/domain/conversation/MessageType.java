package dev.parley.domain.conversation;

import dev.parley.domain.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four kinds of message a conversation holds (the Echo document's {@code MessageType}). */
public enum MessageType {
    /** A segment of the model's reasoning. */
    THINKING("thinking"),
    /** Text: a user's message or the model's reply. */
    CHAT("chat"),
    /** The model asking for one or more tools to be called. */
    TOOL_CALL("tool_call"),
    /** What a called tool answered. */
    TOOL_CALL_RESPONSE("tool_call_response");

    private static final String ACCEPTED = Arrays.stream(values())
            .map(MessageType::wireName)
            .collect(Collectors.joining(", "));

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase name used in JSON ({@code tool_call}). */
    public String wireName() {
        return wireName;
    }

    /**
     * The type for a JSON name. Accepts the lowercase wire name and, for files written by other
     * tools, the enum constant's name in any case ({@code TOOL_CALL}).
     */
    public static MessageType fromWireName(String name) {
        if (name != null) {
            String normalised = name.toLowerCase(Locale.ROOT);
            for (MessageType type : values()) {
                if (type.wireName.equals(normalised)) {
                    return type;
                }
            }
        }
        throw new InvalidInputException("message_type",
                "message_type must be one of " + ACCEPTED + ", got " + (name == null ? "nothing" : "\"" + abbreviate(name) + "\""));
    }

    private static String abbreviate(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}

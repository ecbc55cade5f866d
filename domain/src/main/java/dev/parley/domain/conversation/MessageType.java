package dev.parley.domain.conversation;

/**
 * The four kinds of message a conversation holds (the Echo document's {@code MessageType}). How a
 * kind is spelled in JSON or in Redis is each adapter's own mapping.
 */
public enum MessageType {
    /** A segment of the model's reasoning. */
    THINKING,
    /** Text: a user's message or the model's reply. */
    CHAT,
    /** The model asking for one or more tools to be called. */
    TOOL_CALL,
    /** What a called tool answered. */
    TOOL_CALL_RESPONSE
}

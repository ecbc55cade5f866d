package dev.parley.domain.conversation;

/** What a {@link ConversationStore#append} did. */
public enum AppendOutcome {
    /** The message is now the last of the history, and the idle deadline moved. */
    APPENDED,
    /** A message with the same id is already in the history: nothing changed but the idle deadline. */
    DUPLICATE,
    /** There is no live conversation for that thread: nothing changed. */
    NO_CONVERSATION,
    /** The conversation holds its limit of messages ({@link ConversationLimits#maxMessages()}): nothing changed. */
    MESSAGE_LIMIT,
    /** The message would take the conversation over its limit of bytes ({@link ConversationLimits#maxBytes()}): nothing changed. */
    BYTE_LIMIT
}

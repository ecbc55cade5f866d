package dev.parley.domain.conversation;

/** What a {@link ConversationStore#append} did. */
public enum AppendOutcome {
    /** The message is now the last of the history, and the idle deadline moved. */
    APPENDED,
    /** A message with the same id is already in the history: nothing changed but the idle deadline. */
    DUPLICATE,
    /** There is no live conversation for that thread: nothing changed. */
    NO_CONVERSATION
}

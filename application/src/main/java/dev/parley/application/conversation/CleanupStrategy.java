package dev.parley.application.conversation;

/** What happens to a conversation that has been idle for the idle time (decisions.md 3). */
public enum CleanupStrategy {
    /** Save it to the archive, then remove it from live state. The default. */
    ARCHIVE,
    /** Remove it from live state without saving, as the Echo document describes. */
    DISCARD
}

package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;
import java.util.Objects;

/** What saving one conversation came to: its archive file, or why it could not be written. */
public sealed interface SaveOutcome permits SaveOutcome.Saved, SaveOutcome.Failed {

    ThreadId thread();

    /** Whether the conversation is in the archive now. */
    default boolean saved() {
        return this instanceof Saved;
    }

    /** Written (or already there in a later version) as {@code fileName}. */
    record Saved(ThreadId thread, String fileName) implements SaveOutcome {

        public Saved {
            Objects.requireNonNull(thread, "thread == null");
            Objects.requireNonNull(fileName, "fileName == null");
        }
    }

    /**
     * Not written; it stays where it was (live, or held by the store for a retry).
     *
     * @param problem what failed, in a few words that never quote the conversation's contents
     */
    record Failed(ThreadId thread, String problem) implements SaveOutcome {

        public Failed {
            Objects.requireNonNull(thread, "thread == null");
            Objects.requireNonNull(problem, "problem == null");
        }
    }
}

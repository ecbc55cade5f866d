package dev.parley.adapters.file;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the archive index is doing, for health details and logs.
 *
 * @param maintainer whether this process maintains the index (one process per archive directory
 *        does; the others read its commits)
 * @param partial whether searches may miss archive files now: while the index is built or caught up
 * @param filesIndexed during a full scan or rebuild, the files handled so far; otherwise the files the index holds
 * @param filesTotal the archive files the current (or last) full scan found in the directory
 * @param startedAt when the current (or last) full scan or rebuild started
 * @param unreadableFiles archive files the index holds as unreadable (not valid archive JSON)
 * @param filesRead files this process has read (parsed) to index them since it opened the index
 * @param problem why the index is {@link State#FAILED}
 */
public record ArchiveIndexStatus(
        State state,
        boolean maintainer,
        boolean partial,
        long filesIndexed,
        long filesTotal,
        Optional<Instant> startedAt,
        long unreadableFiles,
        long filesRead,
        Optional<String> problem) {

    /** The index's life: opened, built or caught up, then kept in step. */
    public enum State {
        /** Opening the index; searches answer empty and partial. */
        STARTING,
        /** Building the index from the files (it was missing, of another version, corrupt or unfinished); searches are partial. */
        REBUILDING,
        /** Checking every file against a complete index at start, for files written while no process kept the index; searches are partial. */
        CATCHING_UP,
        /** In step with the directory: every save is indexed at once, other processes' files within the watch or scan delay. */
        READY,
        /** Another process maintains the index; this one searches its commits. */
        FOLLOWING,
        /** The index cannot be used (see {@code problem}); saving still works, searching fails; retried periodically. */
        FAILED
    }

    public ArchiveIndexStatus {
        Objects.requireNonNull(state, "state == null");
        startedAt = Objects.requireNonNullElse(startedAt, Optional.empty());
        problem = Objects.requireNonNullElse(problem, Optional.empty());
    }
}

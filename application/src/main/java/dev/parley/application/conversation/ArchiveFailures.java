package dev.parley.application.conversation;

import dev.parley.application.port.in.UnsavedConversations;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.id.ThreadId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The threads whose latest archive write on this instance failed, until a write of theirs succeeds.
 * An entry not failed again for {@code forgetAfter} is dropped only if its conversation is no longer
 * pending here (neither live nor held by this instance for a retry): a live conversation whose
 * save failed may stay active, and so unswept and untried, for any time, and is still unsaveable;
 * one gone from both places was archived, discarded or removed elsewhere (a shared store's other
 * instance retries its claims). That keeps the record bounded by the conversations that are
 * failing now.
 */
final class ArchiveFailures {

    private final Clock clock;
    private final Duration forgetAfter;
    private final Map<ThreadId, Failure> failing = new ConcurrentHashMap<>();

    ArchiveFailures(Clock clock, Duration forgetAfter) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.forgetAfter = Objects.requireNonNull(forgetAfter, "forgetAfter == null");
    }

    void failed(ThreadId thread) {
        Instant now = clock.instant();
        failing.merge(thread, new Failure(now, now), (old, fresh) -> new Failure(old.first(), now));
    }

    void saved(ThreadId thread) {
        failing.remove(thread);
    }

    /**
     * The failing threads, at most {@code max} named; {@code pending} tells whether a thread not
     * failed again for {@code forgetAfter} still waits for a write (it is asked about those only).
     */
    UnsavedConversations unsaved(int max, Predicate<ThreadId> pending) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        Instant horizon = clock.instant().minus(forgetAfter);
        failing.entrySet().removeIf(e -> e.getValue().last().isBefore(horizon) && !pending.test(e.getKey()));
        var entries = failing.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<ThreadId, Failure> e) -> e.getValue().first())
                        .thenComparing(e -> e.getKey().value()))
                .toList();
        return new UnsavedConversations(entries.size(), entries.stream().limit(max).map(Map.Entry::getKey).toList());
    }

    /**
     * What went wrong, in words that never quote a conversation: our own storage messages (they name
     * files and directories), else only the kind of failure, since other exceptions' messages may
     * hold whatever value they choked on.
     */
    static String describe(Throwable failure) {
        return switch (failure) {
            case StorageUnavailableException storage when storage.getMessage() != null -> storage.getMessage();
            case OutOfMemoryError oom -> "out of memory (OutOfMemoryError)";
            case StackOverflowError deep -> "nested too deeply to write (StackOverflowError)";
            default -> failure.getClass().getSimpleName();
        };
    }

    private record Failure(Instant first, Instant last) {
    }
}

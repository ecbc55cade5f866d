package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;
import java.util.List;
import java.util.Objects;

/**
 * The conversations whose latest archive write failed on this instance ({@link CheckArchiveWrites}).
 *
 * @param count how many there are
 * @param threads some of them, oldest failure first: at most the number asked for
 */
public record UnsavedConversations(int count, List<ThreadId> threads) {

    public UnsavedConversations {
        threads = List.copyOf(Objects.requireNonNull(threads, "threads == null"));
        if (count < threads.size()) {
            throw new IllegalArgumentException("count " + count + " is below the " + threads.size() + " threads listed");
        }
    }

    public static final UnsavedConversations NONE = new UnsavedConversations(0, List.of());
}

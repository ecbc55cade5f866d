package dev.parley.application.conversation;

import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.id.ThreadId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An archive kept in memory for the service's tests: it remembers the last version saved of each
 * conversation and how often each thread was saved, and can be told to fail like a full disk.
 */
public final class RecordingArchive implements ConversationArchive {

    private final Map<ThreadId, Conversation> saved = new ConcurrentHashMap<>();
    private final Map<ThreadId, AtomicInteger> saves = new ConcurrentHashMap<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private volatile Runnable beforeEachSave = () -> { };
    private final Map<ThreadId, java.util.function.Supplier<Throwable>> broken = new ConcurrentHashMap<>();

    /** Every save of {@code thread} throws what {@code failure} makes (an {@link Error} too), until {@link #mend}. */
    void breakFor(ThreadId thread, java.util.function.Supplier<Throwable> failure) {
        broken.put(thread, failure);
    }

    void mend(ThreadId thread) {
        broken.remove(thread);
    }

    /** The next {@code count} saves fail as a full disk would. */
    public void failNext(int count) {
        failuresToCome.set(count);
    }

    /** Runs {@code action} at the start of every save, e.g. to let something happen meanwhile. */
    void beforeEachSave(Runnable action) {
        beforeEachSave = action;
    }

    public Optional<Conversation> saved(ThreadId threadId) {
        return Optional.ofNullable(saved.get(threadId));
    }

    public int timesSaved(ThreadId threadId) {
        AtomicInteger count = saves.get(threadId);
        return count == null ? 0 : count.get();
    }

    Map<ThreadId, AtomicInteger> saveCounts() {
        return saves;
    }

    @Override
    public String save(Conversation conversation) {
        beforeEachSave.run();
        java.util.function.Supplier<Throwable> failure = broken.get(conversation.threadId());
        if (failure != null) {
            switch (failure.get()) {
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                case Throwable t -> throw new IllegalStateException(t);
            }
        }
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StorageUnavailableException("no space left on device");
        }
        saved.put(conversation.threadId(), conversation);
        saves.computeIfAbsent(conversation.threadId(), id -> new AtomicInteger()).incrementAndGet();
        return conversation.fileName();
    }

    @Override
    public Optional<ArchivedTranscript> load(String fileName) {
        return saved.values().stream().filter(c -> c.fileName().equals(fileName)).findFirst()
                .map(c -> ArchivedTranscript.of(fileName, c));
    }

    @Override
    public ArchiveListing list(ArchiveQuery query) {
        List<ArchivedConversation> matching = saved.values().stream()
                .map(c -> ArchivedConversation.of(c.fileName(), Optional.of(c.threadId()), c))
                .filter(query::matches)
                .toList();
        return new ArchiveListing(matching, List.of());
    }
}

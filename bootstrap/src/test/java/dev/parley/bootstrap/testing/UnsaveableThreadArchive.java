package dev.parley.bootstrap.testing;

import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.conversation.Conversation;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * For tests of failure isolation: with {@code test.unsaveable-thread} set, the archive every use case
 * sees is the real file archive, except that each write of that thread's conversation runs out of
 * memory, as one pathologically large conversation would. A test can also {@linkplain SweepHold hold}
 * the idle sweeper's next write of that thread, to keep a sweep under way while it does something.
 */
@Factory
@Requires(property = UnsaveableThreadArchive.PROPERTY)
public final class UnsaveableThreadArchive {

    public static final String PROPERTY = "test.unsaveable-thread";

    @Singleton
    @Primary
    ConversationArchive unsaveable(JsonFileConversationArchive files, @Property(name = PROPERTY) String thread, SweepHold hold) {
        return new ConversationArchive() {
            @Override
            public String save(Conversation conversation) {
                if (conversation.threadId().value().equals(thread)) {
                    if (Thread.currentThread().getName().equals("parley-idle-sweeper")) {
                        hold.holdHere();
                    }
                    throw new OutOfMemoryError("Java heap space");
                }
                return files.save(conversation);
            }

            @Override
            public Optional<ArchivedTranscript> load(String fileName) {
                return files.load(fileName);
            }

            @Override
            public ArchiveListing list(ArchiveQuery query) {
                return files.list(query);
            }
        };
    }

    /**
     * Holds the idle sweeper's next write of the unsaveable thread for a while (then it runs out of
     * memory as usual), so a sweep is under way for that long: a waited-for latch, not a sleep.
     */
    @Singleton
    @Requires(property = UnsaveableThreadArchive.PROPERTY)
    public static final class SweepHold {

        private final AtomicReference<Armed> armed = new AtomicReference<>();

        /** Arms the hold; the returned latch opens once the sweeper's write is held. */
        public CountDownLatch holdNextSweepWrite(Duration howLong) {
            Armed next = new Armed(howLong, new CountDownLatch(1));
            armed.set(next);
            return next.holding();
        }

        void holdHere() {
            Armed now = armed.getAndSet(null);
            if (now == null) {
                return;
            }
            now.holding().countDown();
            try {
                // Nothing opens this latch: the write is held for exactly the time asked.
                new CountDownLatch(1).await(now.howLong().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private record Armed(Duration howLong, CountDownLatch holding) {
        }
    }
}

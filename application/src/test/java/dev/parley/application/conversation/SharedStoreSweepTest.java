package dev.parley.application.conversation;

import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two instances sweeping one shared store, as two processes on one Redis: the holder renews its
 * lease before each archive write and skips a claim another instance took over, and a failed
 * write leaves nothing behind in an instance's memory once the store hands the claim to another.
 */
class SharedStoreSweepTest {

    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MutableClock clock = MutableClock.at("2025-11-25T10:30:00Z");
    private final ConversationStore store = new Shared(new InMemoryConversationStore(clock));
    private final ConversationSettings settings = ConversationSettings.defaults();

    private ConversationArchiving instance(RecordingArchive archive) {
        return new ConversationArchiving(store, archive, settings, clock);
    }

    private void idleConversations(int count) {
        for (int i = 0; i < count; i++) {
            store.create(Conversation.start(ThreadId.of(Integer.toString(700 + i)), GUILD, GUILD_NAME, REQUESTER, clock.instant()),
                    settings.idleTime());
        }
        clock.advance(settings.idleTime().plusSeconds(1));
    }

    @Test
    void aClaimTakenOverWhileItsHolderStalledIsNotWrittenAgainByTheOldHolder() {
        idleConversations(2);
        RecordingArchive slow = new RecordingArchive();
        RecordingArchive other = new RecordingArchive();
        ConversationArchiving a = instance(slow);
        ConversationArchiving b = instance(other);
        AtomicBoolean stalled = new AtomicBoolean();
        // a's first write stalls past the lease of the whole batch; b sweeps meanwhile and takes both.
        slow.beforeEachSave(() -> {
            if (stalled.compareAndSet(false, true)) {
                clock.advance(LEASE.plusSeconds(1));
                assertThat(b.sweep()).isEqualTo(2);
            }
        });

        a.sweep();

        // The write under way when the lease ran out is repeated (one shared archive directory makes
        // that the same file); the claim a had not started on is left to its new holder.
        assertThat(slow.saveCounts()).hasSize(1);
        ThreadId started = slow.saveCounts().keySet().iterator().next();
        ThreadId notStarted = started.equals(ThreadId.of("700")) ? ThreadId.of("701") : ThreadId.of("700");
        assertThat(slow.timesSaved(notStarted)).isZero();
        assertThat(other.timesSaved(notStarted)).isEqualTo(1);
    }

    @Test
    void aFailedWriteOfASharedStoreIsNotKeptByTheInstanceOnceAnotherArchivedIt() {
        idleConversations(1);
        RecordingArchive full = new RecordingArchive();
        full.failNext(1);
        ConversationArchiving a = instance(full);
        ConversationArchiving b = instance(new RecordingArchive());

        try (CapturedLog expected = CapturedLog.of(ConversationArchiving.class)) {
            assertThat(a.sweep()).isZero();
        }
        clock.advance(LEASE.plusSeconds(1));
        assertThat(b.sweep()).isEqualTo(1);

        assertThat(a.heldForRetry()).as("claims a keeps for a retry").isZero();
    }

    /** The memory store, presented as one every instance shares (as Redis is). */
    private static final class Shared extends ForwardingConversationStore {

        Shared(ConversationStore store) {
            super(store);
        }

        @Override
        public boolean isShared() {
            return true;
        }
    }
}

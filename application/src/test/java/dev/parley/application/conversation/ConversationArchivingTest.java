package dev.parley.application.conversation;

import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.OTHER_USER;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static dev.parley.domain.testing.EchoExamples.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.application.port.in.ConversationNotFoundException;
import dev.parley.application.port.in.NewConversation;
import dev.parley.application.port.in.SaveOutcome;
import dev.parley.application.port.in.ShutdownSave;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.EchoExamples;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Saving on request, the idle sweep and the save before shutdown. */
class ConversationArchivingTest {

    private static final Duration IDLE = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.at("2025-11-25T10:30:00Z");
    private final InMemoryConversationStore store = new InMemoryConversationStore(clock);
    private final RecordingArchive archive = new RecordingArchive();
    private ConversationSettings settings = ConversationSettings.defaults();
    private LiveConversations live = new LiveConversations(store, clock, settings);
    private ConversationArchiving archiving = new ConversationArchiving(store, archive, settings, clock);

    private void use(ConversationSettings changed) {
        settings = changed;
        live = new LiveConversations(store, clock, settings);
        archiving = new ConversationArchiving(store, archive, settings, clock);
    }

    private void start(ThreadId thread) {
        live.start(new NewConversation(thread, GUILD, GUILD_NAME, REQUESTER));
    }

    @Test
    void savingWritesTheLiveConversationAndKeepsItLive() {
        start(THREAD);
        live.add(THREAD, EchoExamples.hello());
        Conversation conversation = live.find(THREAD).orElseThrow();

        assertThat(archiving.save(THREAD)).isEqualTo(EchoExamples.FILE_NAME);
        assertThat(archive.saved(THREAD)).contains(conversation);
        assertThat(archiving.saveAll()).containsExactly(new SaveOutcome.Saved(THREAD, EchoExamples.FILE_NAME));
        assertThat(live.isLive(THREAD)).isTrue();
    }

    @Test
    void idleConversationIsArchivedWithItsFullHistoryThenRemoved() {
        start(THREAD);
        live.add(THREAD, EchoExamples.hello());
        Conversation before = live.find(THREAD).orElseThrow();

        clock.advance(IDLE);
        assertThat(archiving.sweep()).isEqualTo(1);

        assertThat(archive.saved(THREAD)).contains(before);
        assertThat(live.find(THREAD)).isEmpty();
        assertThat(archiving.sweep()).isZero();
        assertThat(archive.timesSaved(THREAD)).isEqualTo(1);
    }

    @Test
    void discardStrategyRemovesIdleConversationsWithoutSaving() {
        use(ConversationSettings.defaults().withCleanup(CleanupStrategy.DISCARD));
        start(THREAD);

        clock.advance(IDLE);

        assertThat(archiving.sweep()).isEqualTo(1);
        assertThat(live.isLive(THREAD)).isFalse();
        assertThat(archive.timesSaved(THREAD)).isZero();
    }

    @Test
    void aConversationWhoseArchiveWriteFailsIsRetriedAfterTheLeaseNotDropped() {
        start(THREAD);
        live.add(THREAD, EchoExamples.hello());
        archive.failNext(1);

        clock.advance(IDLE);
        try (CapturedLog expected = CapturedLog.of(ConversationArchiving.class)) {
            assertThat(archiving.sweep()).isZero();
        }
        assertThat(archive.saved(THREAD)).isEmpty();

        clock.advance(settings.claimLease());
        assertThat(archiving.sweep()).isEqualTo(1);
        assertThat(archive.saved(THREAD).orElseThrow().history()).containsExactly(EchoExamples.hello());
    }

    @Test
    void rollingOverArchivesTheLiveConversationAtOnceAndTheThreadCanStartAgain() {
        start(THREAD);
        live.add(THREAD, EchoExamples.hello());
        Conversation before = live.find(THREAD).orElseThrow();

        assertThat(archiving.rollOver(THREAD, before.createdAt())).isTrue();

        assertThat(archive.saved(THREAD)).contains(before);
        assertThat(live.isLive(THREAD)).isFalse();
        assertThat(archiving.rollOver(THREAD, before.createdAt())).as("nothing live left").isFalse();
        start(THREAD);
        assertThat(live.isLive(THREAD)).isTrue();
        clock.advance(settings.claimLease().plus(IDLE));
        assertThat(archiving.sweep()).as("the new one, idle by now; the rolled-over claim was acknowledged").isEqualTo(1);
        assertThat(archive.timesSaved(THREAD)).isEqualTo(2);
    }

    @Test
    void aRolledOverConversationWhoseArchiveWriteFailsIsRetriedAfterTheLeaseNotDropped() {
        start(THREAD);
        live.add(THREAD, EchoExamples.hello());
        Conversation before = live.find(THREAD).orElseThrow();
        archive.failNext(1);

        try (CapturedLog log = CapturedLog.of(ConversationArchiving.class)) {
            assertThat(archiving.rollOver(THREAD, before.createdAt())).isTrue();
            assertThat(log.lines(java.util.logging.Level.SEVERE)).singleElement().asString()
                    .startsWith("could not archive the full conversation of thread " + THREAD.value());
        }
        assertThat(archive.saved(THREAD)).isEmpty();
        assertThat(live.isLive(THREAD)).as("out of live state all the same: the thread can go on").isFalse();
        assertThat(archiving.unsaved(10).threads()).containsExactly(THREAD);

        clock.advance(settings.claimLease());
        assertThat(archiving.sweep()).isEqualTo(1);
        assertThat(archive.saved(THREAD).orElseThrow().history()).containsExactly(EchoExamples.hello());
    }

    @Test
    void saveOfAnUnknownThreadSaysSo() {
        assertThatThrownBy(() -> archiving.save(THREAD)).isInstanceOf(ConversationNotFoundException.class)
                .hasMessage("thread 1234567890 has no live conversation");
    }

    @Test
    void saveAllReportsEachThreadOldestFirstAndKeepsGoingPastAFailure() {
        for (String thread : List.of("3", "1", "2")) {
            start(ThreadId.of(thread));
            clock.advance(Duration.ofSeconds(1));
        }
        archive.failNext(1);

        List<SaveOutcome> results;
        try (CapturedLog log = CapturedLog.of(ConversationArchiving.class)) {
            results = archiving.saveAll();
        }

        assertThat(results).extracting(SaveOutcome::thread, SaveOutcome::saved).containsExactly(
                tuple(ThreadId.of("3"), false), tuple(ThreadId.of("1"), true), tuple(ThreadId.of("2"), true));
        assertThat(results.getFirst()).isEqualTo(new SaveOutcome.Failed(ThreadId.of("3"), "no space left on device"));
    }

    @Test
    void saveAllWorksOnASnapshotSoAConversationExpiringMeanwhileCausesNoError() {
        start(ThreadId.of("1"));
        clock.advance(Duration.ofSeconds(1));
        start(ThreadId.of("2"));
        archive.beforeEachSave(() -> store.remove(ThreadId.of("2"))); // thread 2 expires while thread 1 is saved

        // Gone before its turn: nothing to save, and no error (whoever took it away answers for it).
        assertThat(archiving.saveAll()).extracting(SaveOutcome::thread, SaveOutcome::saved)
                .containsExactly(tuple(ThreadId.of("1"), true));
    }

    @Test
    void shutdownSavesEveryLiveConversation() {
        start(ThreadId.of("1"));
        live.start(new NewConversation(ThreadId.of("2"), GUILD, GUILD_NAME, OTHER_USER));

        ShutdownSave outcome = archiving.save();

        assertThat(outcome).isInstanceOfSatisfying(ShutdownSave.Saved.class, saved -> {
            assertThat(saved.results()).containsOnlyKeys(ThreadId.of("1"), ThreadId.of("2")).doesNotContainValue(false);
            assertThat(saved.savedCount()).isEqualTo(2);
        });
        assertThat(archive.timesSaved(ThreadId.of("1"))).isEqualTo(1);
        assertThat(archive.timesSaved(ThreadId.of("2"))).isEqualTo(1);
    }

    @Test
    void shutdownUnderTheDiscardStrategySavesNothing() {
        use(ConversationSettings.defaults().withCleanup(CleanupStrategy.DISCARD));
        start(THREAD);

        assertThat(archiving.save()).isEqualTo(new ShutdownSave.NothingToSave(ShutdownSave.Why.DISCARD_STRATEGY));
        assertThat(archive.saveCounts()).isEmpty();
    }

    @Test
    void shutdownLeavesASharedStoresConversationsForAnotherInstanceAndDoesNotTouchTheStore() {
        ConversationArchiving shared = new ConversationArchiving(new UnreachableStore(), archive, ConversationSettings.defaults(), clock);

        assertThat(shared.save()).isEqualTo(new ShutdownSave.NothingToSave(ShutdownSave.Why.SHARED_STORE));
        assertThat(archive.saveCounts()).isEmpty();
    }

    @Test
    void shutdownRetriesAnIdleConversationWhoseArchiveWriteFailedInsteadOfLosingIt() {
        start(THREAD);
        live.add(THREAD, EchoExamples.hello());
        archive.failNext(1);
        clock.advance(IDLE);
        try (CapturedLog log = CapturedLog.of(ConversationArchiving.class)) {
            assertThat(archiving.sweep()).isZero();
        }

        ShutdownSave outcome = archiving.save();

        assertThat(outcome).isEqualTo(new ShutdownSave.Saved(Map.of(THREAD, true)));
        assertThat(archive.saved(THREAD).orElseThrow().history()).containsExactly(EchoExamples.hello());
        clock.advance(settings.claimLease());
        assertThat(archiving.sweep()).as("acknowledged at shutdown: never handed out again").isZero();
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> ConversationSettings.defaults().withIdleTime(Duration.ZERO))
                .hasMessage("idle time must be positive, got PT0S");
        assertThatThrownBy(() -> ConversationSettings.defaults().withIdleTime(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConversationSettings.defaults().withSweepBatch(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

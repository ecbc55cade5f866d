package dev.parley.application.conversation;

import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.application.port.in.NewConversation;
import dev.parley.application.port.in.SaveOutcome;
import dev.parley.application.port.in.ShutdownSave;
import dev.parley.application.port.in.UnsavedConversations;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One pathological conversation (its write runs out of memory, overflows the stack, or fails) never
 * takes others with it: save all, the idle sweep and the shutdown save go on past it, log it in one
 * line that names its thread and nothing of its contents, keep it, retry it, and report it.
 */
class FailureIsolationTest {

    private static final ThreadId BAD = ThreadId.of("1001");
    private static final ThreadId GOOD = ThreadId.of("1002");
    private static final ThreadId ALSO_GOOD = ThreadId.of("1003");
    private static final String SECRET = "the contents nobody may log";

    private final MutableClock clock = MutableClock.at("2025-11-25T10:30:00Z");
    private final InMemoryConversationStore store = new InMemoryConversationStore(clock);
    private final RecordingArchive archive = new RecordingArchive();
    private final ConversationSettings settings = ConversationSettings.defaults();
    private final LiveConversations live = new LiveConversations(store, clock, settings);
    private final ConversationArchiving archiving = new ConversationArchiving(store, archive, settings, clock);
    private final CapturedLog log = CapturedLog.of(ConversationArchiving.class);

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    private void startThree() {
        for (ThreadId thread : List.of(BAD, GOOD, ALSO_GOOD)) {
            live.start(new NewConversation(thread, GUILD, GUILD_NAME, REQUESTER));
            live.add(thread, Message.chat(clock.instant(), SECRET).from(REQUESTER));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private void assertOneErrorLineNaming(ThreadId thread, String problem) {
        List<String> errors = log.lines(Level.SEVERE);
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst()).contains("thread " + thread.value()).contains(problem)
                .doesNotContain(SECRET).doesNotContain("\n");
        assertThat(log.anyStackTrace()).as("no stack trace").isFalse();
    }

    @Test
    void saveAllGoesOnPastAConversationWhoseWriteRunsOutOfMemory() {
        startThree();
        archive.breakFor(BAD, () -> new OutOfMemoryError("Java heap space"));

        List<SaveOutcome> outcomes = archiving.saveAll();

        assertThat(outcomes).extracting(SaveOutcome::thread, SaveOutcome::saved)
                .containsExactly(tuple(BAD, false), tuple(GOOD, true), tuple(ALSO_GOOD, true));
        assertThat(outcomes.getFirst()).isEqualTo(new SaveOutcome.Failed(BAD, "out of memory (OutOfMemoryError)"));
        assertThat(live.isLive(BAD)).as("kept live until written").isTrue();
        assertOneErrorLineNaming(BAD, "OutOfMemoryError");
        assertThat(archiving.unsaved(10)).isEqualTo(new UnsavedConversations(1, List.of(BAD)));
    }

    @Test
    void anExceptionMessageThatQuotesTheContentsIsNotLogged() {
        startThree();
        archive.breakFor(BAD, () -> new IllegalArgumentException("cannot write " + SECRET));

        assertThat(archiving.saveAll()).first().isEqualTo(new SaveOutcome.Failed(BAD, "IllegalArgumentException"));

        assertOneErrorLineNaming(BAD, "IllegalArgumentException");
    }

    @Test
    void theIdleSweepArchivesTheOthersAndRetriesTheStackOverflowingOneAfterItsLease() {
        startThree();
        archive.breakFor(BAD, StackOverflowError::new);
        clock.advance(settings.idleTime());

        assertThat(archiving.sweep()).as("the two healthy ones").isEqualTo(2);

        assertThat(archive.timesSaved(GOOD)).isEqualTo(1);
        assertThat(archive.timesSaved(ALSO_GOOD)).isEqualTo(1);
        assertOneErrorLineNaming(BAD, "StackOverflowError");
        assertThat(archiving.unsaved(10).threads()).containsExactly(BAD);

        archive.mend(BAD);
        assertThat(archiving.sweep()).as("held under its lease, not handed out again at once").isZero();
        clock.advance(settings.claimLease());
        assertThat(archiving.sweep()).as("retried by the sweep after the lease").isEqualTo(1);
        assertThat(archive.saved(BAD).orElseThrow().history()).extracting(Message::content).containsExactly(SECRET);
        assertThat(archiving.unsaved(10)).isEqualTo(UnsavedConversations.NONE);
    }

    @Test
    void aConversationThatKeepsFailingStaysHeldAndListedRoundAfterRound() {
        startThree();
        archive.breakFor(BAD, () -> new StorageUnavailableException("cannot save: disk full"));
        clock.advance(settings.idleTime());
        archiving.sweep();

        for (int round = 0; round < 10; round++) {
            clock.advance(settings.claimLease());
            assertThat(archiving.sweep()).isZero();
        }

        assertThat(archiving.unsaved(10).threads()).containsExactly(BAD);
        assertThat(log.lines(Level.SEVERE)).hasSize(11).allMatch(line -> line.contains("thread 1001"));
        archive.mend(BAD);
        ShutdownSave outcome = archiving.save();
        assertThat(outcome).isEqualTo(new ShutdownSave.Saved(Map.of(BAD, true)));
    }

    @Test
    void shutdownSavesWhatItCanAndNamesWhatItCouldNot() {
        startThree();
        archive.breakFor(BAD, () -> new OutOfMemoryError("Java heap space"));

        ShutdownSave outcome = archiving.save();

        assertThat(outcome).isInstanceOfSatisfying(ShutdownSave.Saved.class, saved -> {
            assertThat(saved.results()).containsExactly(Map.entry(BAD, false), Map.entry(GOOD, true), Map.entry(ALSO_GOOD, true));
            assertThat(saved.savedCount()).isEqualTo(2);
        });
        List<String> errors = log.lines(Level.SEVERE);
        assertThat(errors).hasSize(2).allMatch(line -> !line.contains(SECRET));
        assertThat(errors.get(1)).contains("1 of 3 conversations could not be saved").contains("[1001]");
    }

    @Test
    void savingOneThatRunsOutOfMemoryAnswersAsAFailedWriteAndKeepsItLive() {
        startThree();
        archive.breakFor(BAD, () -> new OutOfMemoryError("Java heap space"));

        assertThatThrownBy(() -> archiving.save(BAD)).isInstanceOf(StorageUnavailableException.class)
                .hasMessage("could not save the conversation of thread 1001: out of memory (OutOfMemoryError)");

        assertThat(live.isLive(BAD)).isTrue();
        assertThat(archiving.unsaved(10).threads()).containsExactly(BAD);
        archive.mend(BAD);
        archiving.save(BAD);
        assertThat(archiving.unsaved(10)).isEqualTo(UnsavedConversations.NONE);
    }

    @Test
    void theUnsavedListIsBoundedButItsCountComplete() {
        for (int i = 0; i < 30; i++) {
            ThreadId thread = ThreadId.of(Integer.toString(2000 + i));
            live.start(new NewConversation(thread, GUILD, GUILD_NAME, REQUESTER));
            archive.breakFor(thread, () -> new StorageUnavailableException("disk full"));
            clock.advance(Duration.ofMillis(1));
        }
        archiving.saveAll();

        UnsavedConversations unsaved = archiving.unsaved(5);

        assertThat(unsaved.count()).isEqualTo(30);
        assertThat(unsaved.threads()).extracting(ThreadId::value).containsExactly("2000", "2001", "2002", "2003", "2004");
    }

    @Test
    void aLiveConversationWhoseSaveFailedStaysListedWhileItStaysActiveAndUnsaveable() {
        startThree();
        archive.breakFor(BAD, () -> new OutOfMemoryError("Java heap space"));
        archiving.saveAll();
        Duration forgetAfter = settings.idleTime().plus(settings.claimLease().multipliedBy(3));
        Duration step = settings.idleTime().dividedBy(2);

        // Active all along: never idle, so never swept and retried, and still unsaveable.
        for (Duration passed = Duration.ZERO; passed.compareTo(forgetAfter.plus(step)) <= 0; passed = passed.plus(step)) {
            clock.advance(step);
            live.add(BAD, Message.chat(clock.instant(), SECRET).from(REQUESTER));
        }

        assertThat(archiving.unsaved(10).threads()).containsExactly(BAD);
        assertThat(live.isLive(BAD)).isTrue();
        store.remove(BAD);
        assertThat(archiving.unsaved(10)).as("gone from live state and unclaimed: forgotten").isEqualTo(UnsavedConversations.NONE);
    }

    @Test
    void anArchivedConversationWhoseClaimCannotBeReleasedIsNoArchiveFailure() {
        ConversationArchiving releaseFails = new ConversationArchiving(new ClaimReleaseFailingStore(store), archive, settings, clock);
        startThree();
        clock.advance(settings.idleTime());

        assertThat(releaseFails.sweep()).as("all three written").isEqualTo(3);

        assertThat(archive.timesSaved(BAD)).isEqualTo(1);
        assertThat(log.lines(Level.SEVERE)).isEmpty();
        assertThat(log.lines(Level.WARNING)).hasSize(3)
                .allMatch(line -> line.contains("archived, but the claim could not be released") && !line.contains(SECRET));
        assertThat(releaseFails.unsaved(10)).isEqualTo(UnsavedConversations.NONE);
        assertThat(releaseFails.heldForRetry()).isZero();
    }

    @Test
    void savingOneWhoseWriteThrowsAnyExceptionAnswersAsAFailedWriteInOneLineWithoutItsContents() {
        startThree();
        archive.breakFor(BAD, () -> new IllegalStateException("cannot write " + SECRET));

        assertThatThrownBy(() -> archiving.save(BAD)).isInstanceOfSatisfying(StorageUnavailableException.class, e -> {
            assertThat(e).hasMessage("could not save the conversation of thread 1001: IllegalStateException");
            assertThat(e.logged()).as("its answerer does not log it again").isTrue();
        });

        assertOneErrorLineNaming(BAD, "IllegalStateException");
        assertThat(live.isLive(BAD)).isTrue();
    }
}

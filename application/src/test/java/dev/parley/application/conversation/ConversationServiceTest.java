package dev.parley.application.conversation;

import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.OTHER_USER;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static dev.parley.domain.testing.EchoExamples.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.EchoExamples;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConversationServiceTest {

    private static final Duration IDLE = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.at("2025-11-25T10:30:00Z");
    private final InMemoryConversationStore store = new InMemoryConversationStore(clock);
    private final RecordingArchive archive = new RecordingArchive();
    private ConversationService service = service(ConversationSettings.defaults());

    private ConversationService service(ConversationSettings settings) {
        return new ConversationService(store, Optional.of(archive), clock, settings);
    }

    @Test
    void echoDocumentWalkthrough() {
        Conversation created = service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);
        assertThat(created.fileName()).isEqualTo(EchoExamples.FILE_NAME);

        service.addMessage(THREAD, EchoExamples.hello());
        service.addMessage(THREAD, EchoExamples.thinking());
        service.addMessage(THREAD, EchoExamples.reply());
        service.addMessage(THREAD, EchoExamples.toolCall());
        service.addMessage(THREAD, EchoExamples.toolCallResponse());

        Conversation conversation = service.get(THREAD).orElseThrow();
        assertThat(conversation.history()).hasSize(5);
        assertThat(conversation.participants()).containsExactly(REQUESTER);
        assertThat(service.isConversationThread(THREAD)).isTrue();
        assertThat(service.isConversationThread(ThreadId.of("42"))).isFalse();

        assertThat(service.save(THREAD)).isEqualTo(EchoExamples.FILE_NAME);
        assertThat(archive.saved(THREAD)).contains(conversation);
        assertThat(service.saveAll()).containsExactly(Map.entry(THREAD, true));

        assertThat(service.remove(THREAD)).isTrue();
        assertThat(service.getAll()).isEmpty();
        assertThat(service.remove(THREAD)).isFalse();
    }

    @Test
    void creatingTwiceInOneThreadIsRefused() {
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);

        assertThatThrownBy(() -> service.create(THREAD, GUILD, GUILD_NAME, OTHER_USER))
                .isInstanceOf(ConversationAlreadyExistsException.class)
                .hasMessage("thread 1234567890 already has a live conversation");
        assertThat(service.get(THREAD).orElseThrow().requester()).isEqualTo(REQUESTER);
    }

    @Test
    void addingToAThreadWithoutConversationIsRefused() {
        assertThatThrownBy(() -> service.addMessage(THREAD, EchoExamples.hello()))
                .isInstanceOf(ConversationNotFoundException.class)
                .hasMessage("thread 1234567890 has no live conversation");
        assertThat(service.isConversationThread(THREAD)).isFalse();
    }

    @Test
    void aReplayedDiscordMessageIsReportedAndKeptOnce() {
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);
        Message fromDiscord = EchoExamples.hello().withId(MessageId.of("1311111111111111111"));

        assertThat(service.addMessage(THREAD, fromDiscord)).isEqualTo(AppendOutcome.APPENDED);
        assertThat(service.addMessage(THREAD, fromDiscord)).isEqualTo(AppendOutcome.DUPLICATE);
        assertThat(service.get(THREAD).orElseThrow().history()).hasSize(1);
    }

    @Test
    void summaryIsUpdatedOnTheLiveConversation() {
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);

        service.updateSummary(THREAD, "User asked about async programming");

        assertThat(service.get(THREAD).orElseThrow().summary()).isEqualTo("User asked about async programming");
        assertThatThrownBy(() -> service.updateSummary(ThreadId.of("42"), "x")).isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void everyAddedMessageResetsTheIdleTime() {
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);

        for (int i = 0; i < 5; i++) {
            clock.advance(IDLE.minusSeconds(30));
            service.addMessage(THREAD, Message.chat(clock.instant(), "still here " + i).from(REQUESTER));
            assertThat(service.cleanUpIdle()).isZero();
        }
        assertThat(service.isConversationThread(THREAD)).as("a busy conversation outlives many idle times").isTrue();

        clock.advance(IDLE.plusSeconds(1));
        assertThat(service.cleanUpIdle()).isEqualTo(1);
        assertThat(service.isConversationThread(THREAD)).isFalse();
    }

    @Test
    void idleConversationIsArchivedWithItsFullHistoryThenRemoved() {
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);
        service.addMessage(THREAD, EchoExamples.hello());
        Conversation before = service.get(THREAD).orElseThrow();

        clock.advance(IDLE);
        assertThat(service.cleanUpIdle()).isEqualTo(1);

        assertThat(archive.saved(THREAD)).contains(before);
        assertThat(service.get(THREAD)).isEmpty();
        assertThat(service.cleanUpIdle()).isZero();
        assertThat(archive.timesSaved(THREAD)).isEqualTo(1);
    }

    @Test
    void discardStrategyRemovesIdleConversationsWithoutSaving() {
        service = service(ConversationSettings.defaults().withCleanup(CleanupStrategy.DISCARD));
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);

        clock.advance(IDLE);

        assertThat(service.cleanUpIdle()).isEqualTo(1);
        assertThat(service.isConversationThread(THREAD)).isFalse();
        assertThat(archive.timesSaved(THREAD)).isZero();
        assertThat(service.shutdown()).isEmpty();
    }

    @Test
    void aConversationWhoseArchiveWriteFailsIsRetriedAfterTheLeaseNotDropped() {
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);
        service.addMessage(THREAD, EchoExamples.hello());
        archive.failNext(1);

        clock.advance(IDLE);
        assertThat(service.cleanUpIdle()).isZero();
        assertThat(archive.saved(THREAD)).isEmpty();

        clock.advance(service.settings().claimLease());
        assertThat(service.cleanUpIdle()).isEqualTo(1);
        assertThat(archive.saved(THREAD).orElseThrow().history()).containsExactly(EchoExamples.hello());
    }

    @Test
    void savingWithoutAnArchiveFailsWithAClearMessage() {
        ConversationService withoutArchive = new ConversationService(store, Optional.empty(), clock,
                ConversationSettings.defaults().withCleanup(CleanupStrategy.DISCARD));
        withoutArchive.create(THREAD, GUILD, GUILD_NAME, REQUESTER);

        assertThatThrownBy(() -> withoutArchive.save(THREAD))
                .isInstanceOf(ArchiveNotConfiguredException.class)
                .hasMessageContaining("no conversation archive is set");
        assertThatThrownBy(withoutArchive::saveAll).isInstanceOf(ArchiveNotConfiguredException.class);
    }

    @Test
    void theArchiveStrategyNeedsAnArchive() {
        assertThatThrownBy(() -> new ConversationService(store, Optional.empty(), clock, ConversationSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an archive");
    }

    @Test
    void saveOfAnUnknownThreadSaysSo() {
        assertThatThrownBy(() -> service.save(THREAD)).isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void saveAllReportsEachThreadAndKeepsGoingPastAFailure() {
        for (String thread : List.of("1", "2", "3")) {
            service.create(ThreadId.of(thread), GUILD, GUILD_NAME, REQUESTER);
            clock.advance(Duration.ofSeconds(1));
        }
        archive.failNext(1);

        Map<ThreadId, Boolean> results = service.saveAll();

        assertThat(results).containsExactly(
                Map.entry(ThreadId.of("1"), false), Map.entry(ThreadId.of("2"), true), Map.entry(ThreadId.of("3"), true));
    }

    @Test
    void saveAllWorksOnASnapshotSoAConversationExpiringMeanwhileCausesNoError() {
        service.create(ThreadId.of("1"), GUILD, GUILD_NAME, REQUESTER);
        clock.advance(Duration.ofSeconds(1));
        service.create(ThreadId.of("2"), GUILD, GUILD_NAME, REQUESTER);
        archive.beforeEachSave(() -> store.remove(ThreadId.of("2"))); // thread 2 expires while thread 1 is saved

        assertThat(service.saveAll()).containsOnlyKeys(ThreadId.of("1"), ThreadId.of("2")).doesNotContainValue(false);
    }

    @Test
    void shutdownSavesEveryLiveConversation() {
        service.create(ThreadId.of("1"), GUILD, GUILD_NAME, REQUESTER);
        service.create(ThreadId.of("2"), GUILD, GUILD_NAME, OTHER_USER);

        Map<ThreadId, Boolean> saved = service.shutdown();

        assertThat(saved).containsOnlyKeys(ThreadId.of("1"), ThreadId.of("2")).doesNotContainValue(false);
        assertThat(archive.timesSaved(ThreadId.of("1"))).isEqualTo(1);
        assertThat(archive.timesSaved(ThreadId.of("2"))).isEqualTo(1);
    }

    @Test
    void shutdownLeavesASharedStoresConversationsForAnotherInstanceAndDoesNotTouchTheStore() {
        ConversationService shared = new ConversationService(new UnreachableStore(), Optional.of(archive), clock,
                ConversationSettings.defaults());

        assertThat(shared.shutdown()).isEmpty();
        assertThat(archive.saveCounts()).isEmpty();
    }

    @Test
    void shutdownRetriesAnIdleConversationWhoseArchiveWriteFailedInsteadOfLosingIt() {
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);
        service.addMessage(THREAD, EchoExamples.hello());
        archive.failNext(1);
        clock.advance(IDLE);
        assertThat(service.cleanUpIdle()).isZero();

        Map<ThreadId, Boolean> saved = service.shutdown();

        assertThat(saved).containsExactly(Map.entry(THREAD, true));
        assertThat(archive.saved(THREAD).orElseThrow().history()).containsExactly(EchoExamples.hello());
        clock.advance(service.settings().claimLease());
        assertThat(service.cleanUpIdle()).as("acknowledged at shutdown: never handed out again").isZero();
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> ConversationSettings.defaults().withIdleTime(Duration.ZERO))
                .hasMessage("idle time must be positive, got PT0S");
        assertThatThrownBy(() -> ConversationSettings.defaults().withIdleTime(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.parley.application.conversation;

import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.application.port.in.ConversationNotFoundException;
import dev.parley.application.port.in.NewConversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.Concurrently;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many conversations, many threads: nothing lost, nothing archived twice. */
class IdleExpiryAtScaleTest {

    private final MutableClock clock = MutableClock.at("2025-11-25T10:30:00Z");
    private final InMemoryConversationStore store = new InMemoryConversationStore(clock);
    private final RecordingArchive archive = new RecordingArchive();
    private final ConversationSettings settings = ConversationSettings.defaults();
    private final LiveConversations live = new LiveConversations(store, clock, settings);
    private final ConversationArchiving archiving = new ConversationArchiving(store, archive, settings, clock);

    @Test
    void tenThousandIdleConversationsAreEachArchivedExactlyOnceByRacingSweepers() throws Exception {
        int conversations = 10_000;
        for (int i = 0; i < conversations; i++) {
            ThreadId thread = ThreadId.of(String.valueOf(100_000 + i));
            live.start(new NewConversation(thread, GUILD, GUILD_NAME, REQUESTER));
            live.add(thread, Message.chat(clock.instant(), "message in " + thread).from(REQUESTER));
        }
        clock.advance(settings.idleTime());

        AtomicInteger cleaned = new AtomicInteger();
        Concurrently.run(4, sweeper -> cleaned.addAndGet(archiving.sweep()));

        assertThat(cleaned.get()).isEqualTo(conversations);
        assertThat(archive.saveCounts()).hasSize(conversations);
        assertThat(archive.saveCounts().values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(archive.saveCounts().keySet()).allSatisfy(thread ->
                assertThat(archive.saved(thread).orElseThrow().history()).hasSize(1));
        assertThat(store.count()).isZero();
    }

    @Test
    void manyThreadsAddingToSharedAndOwnConversationsLoseNoMessage() throws Exception {
        int writers = 16;
        int perWriter = 250;
        ThreadId shared = ThreadId.of("1");
        live.start(new NewConversation(shared, GUILD, GUILD_NAME, REQUESTER));
        for (int w = 0; w < writers; w++) {
            live.start(new NewConversation(ThreadId.of(String.valueOf(1000 + w)), GUILD, GUILD_NAME, REQUESTER));
        }

        Concurrently.run(writers, writer -> {
            for (int i = 0; i < perWriter; i++) {
                Message m = Message.chat(clock.instant(), writer + "/" + i).from(REQUESTER);
                live.add(shared, m);
                live.add(ThreadId.of(String.valueOf(1000 + writer)), m);
            }
        });

        assertThat(live.find(shared).orElseThrow().history()).hasSize(writers * perWriter)
                .extracting(Message::content).doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            assertThat(live.find(ThreadId.of(String.valueOf(1000 + w))).orElseThrow().history()).hasSize(perWriter);
        }
    }

    @Test
    void messagesRacingTheSweeperAreNeverLostBetweenLiveStateAndArchive() throws Exception {
        int threads = 200;
        for (int i = 0; i < threads; i++) {
            live.start(new NewConversation(ThreadId.of(String.valueOf(5000 + i)), GUILD, GUILD_NAME, REQUESTER));
        }
        clock.advance(settings.idleTime().minusMillis(1));
        AtomicInteger accepted = new AtomicInteger();

        Concurrently.run(2, worker -> {
            if (worker == 0) {
                clock.advance(Duration.ofMillis(1));
                archiving.sweep();
            } else {
                for (int i = 0; i < threads; i++) {
                    try {
                        live.add(ThreadId.of(String.valueOf(5000 + i)), Message.chat(clock.instant(), "late").from(REQUESTER));
                        accepted.incrementAndGet();
                    } catch (ConversationNotFoundException alreadyArchived) {
                        // refused, not lost: the caller was told
                    }
                }
            }
        });
        clock.advance(settings.idleTime());
        archiving.sweep();

        int archivedLateMessages = archive.saveCounts().keySet().stream()
                .mapToInt(t -> archive.saved(t).orElseThrow().history().size()).sum();
        assertThat(archivedLateMessages).isEqualTo(accepted.get());
        assertThat(archive.saveCounts()).hasSize(threads);
    }
}

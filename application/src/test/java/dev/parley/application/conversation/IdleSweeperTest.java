package dev.parley.application.conversation;

import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static dev.parley.domain.testing.EchoExamples.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.application.port.in.NewConversation;
import dev.parley.application.port.in.SweepIdle;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleSweeperTest {

    /** Only a failing run waits this long. */
    private static final long PATIENCE_SECONDS = 30;

    private final List<Thread> sweeperThreads = new CopyOnWriteArrayList<>();
    private final ThreadFactory recordingThreads = runnable -> {
        Thread thread = new Thread(runnable, "test-sweeper");
        thread.setDaemon(true);
        sweeperThreads.add(thread);
        return thread;
    };

    @Test
    void sweeperArchivesIdleConversationsInTheBackground() throws Exception {
        MutableClock clock = MutableClock.at("2025-11-25T10:30:00Z");
        RecordingArchive archive = new RecordingArchive();
        InMemoryConversationStore store = new InMemoryConversationStore(clock);
        ConversationSettings settings = ConversationSettings.defaults();
        new LiveConversations(store, clock, settings).start(new NewConversation(THREAD, GUILD, GUILD_NAME, REQUESTER));
        CountDownLatch archived = new CountDownLatch(1);
        archive.beforeEachSave(archived::countDown);

        try (IdleSweeper sweeper = new IdleSweeper(new ConversationArchiving(store, archive, settings, clock), Duration.ofMillis(5)).start()) {
            clock.advance(settings.idleTime());
            assertThat(archived.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("archived by the sweeper").isTrue();
        }

        assertThat(archive.timesSaved(THREAD)).isEqualTo(1);
        assertThat(store.exists(THREAD)).isFalse();
    }

    @Test
    void aFailingSweepIsFollowedByTheNextOne() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch twoSweeps = new CountDownLatch(2);
        SweepIdle failingOnce = () -> {
            twoSweeps.countDown();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the store is down");
            }
            return 0;
        };

        try (CapturedLog quiet = CapturedLog.of(IdleSweeper.class);
                IdleSweeper sweeper = new IdleSweeper(failingOnce, Duration.ofMillis(5), recordingThreads).start()) {
            assertThat(twoSweeps.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSweepThatThrowsAnErrorIsLoggedInOneLineAndTheNextOneRuns() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch twoSweeps = new CountDownLatch(2);
        SweepIdle outOfMemoryOnce = () -> {
            if (calls.incrementAndGet() == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            twoSweeps.countDown();
            twoSweeps.countDown();
            return 0;
        };

        try (CapturedLog log = CapturedLog.of(IdleSweeper.class);
                IdleSweeper sweeper = new IdleSweeper(outOfMemoryOnce, Duration.ofMillis(5), recordingThreads).start()) {
            assertThat(twoSweeps.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(log.lines(java.util.logging.Level.WARNING)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .contains("idle sweep failed").contains("OutOfMemoryError");
            assertThat(log.anyStackTrace()).isFalse();
        }
    }

    @Test
    void closingEndsTheSweepersThreadSoItSweepsNoMore() throws Exception {
        CountDownLatch swept = new CountDownLatch(3);
        IdleSweeper sweeper = new IdleSweeper(() -> {
            swept.countDown();
            return 0;
        }, Duration.ofMillis(5), recordingThreads).start();
        assertThat(swept.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("sweeping before the close").isTrue();

        sweeper.close();

        assertThat(sweeperThreads).isNotEmpty();
        for (Thread thread : sweeperThreads) {
            thread.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
            assertThat(thread.isAlive()).as("%s after close", thread.getName()).isFalse();
        }
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> new IdleSweeper(() -> 0, Duration.ZERO)).hasMessageContaining("must be positive");
    }
}

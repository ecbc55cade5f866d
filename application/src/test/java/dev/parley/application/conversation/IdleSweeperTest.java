package dev.parley.application.conversation;

import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static dev.parley.domain.testing.EchoExamples.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleSweeperTest {

    private final MutableClock clock = MutableClock.at("2025-11-25T10:30:00Z");
    private final RecordingArchive archive = new RecordingArchive();
    private final ConversationService service = new ConversationService(
            new InMemoryConversationStore(clock), Optional.of(archive), clock, ConversationSettings.defaults());

    @Test
    void sweeperArchivesIdleConversationsInTheBackground() throws Exception {
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);
        try (IdleSweeper sweeper = new IdleSweeper(service, Duration.ofMillis(5)).start()) {
            clock.advance(service.settings().idleTime());

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (archive.timesSaved(THREAD) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        assertThat(archive.timesSaved(THREAD)).isEqualTo(1);
        assertThat(service.isConversationThread(THREAD)).isFalse();
    }

    @Test
    void aClosedSweeperSweepsNoMore() throws Exception {
        IdleSweeper sweeper = new IdleSweeper(service, Duration.ofMillis(5)).start();
        sweeper.close();
        service.create(THREAD, GUILD, GUILD_NAME, REQUESTER);
        clock.advance(service.settings().idleTime());

        Thread.sleep(50);

        assertThat(service.isConversationThread(THREAD)).isTrue();
    }

    @Test
    void intervalMustBePositive() {
        assertThatThrownBy(() -> new IdleSweeper(service, Duration.ZERO)).hasMessageContaining("must be positive");
    }
}

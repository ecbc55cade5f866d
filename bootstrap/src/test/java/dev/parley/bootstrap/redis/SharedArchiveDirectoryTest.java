package dev.parley.bootstrap.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.adapters.redis.RedisConnector;
import dev.parley.adapters.redis.RedisConversationStore;
import dev.parley.adapters.redis.RedisStoreOptions;
import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.application.conversation.CleanupStrategy;
import dev.parley.application.conversation.ConversationArchiving;
import dev.parley.application.conversation.ConversationSettings;
import dev.parley.application.conversation.LiveConversations;
import dev.parley.application.port.in.NewConversation;
import dev.parley.bootstrap.http.TempArchive;
import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once archiving, as Parley guarantees it: every instance writes into one shared archive
 * directory. A holder that stalls past its lease while writing (the one case the lease renewal
 * cannot cover: the renewal came before the stall) is overtaken by another instance that writes
 * the same conversation again; both writes are the same file, so the directory ends with one file
 * per conversation. (With a directory per instance the second write would be a second copy.)
 */
class SharedArchiveDirectoryTest {

    private static final Duration IDLE = Duration.ofMillis(300);
    private static final Duration LEASE = Duration.ofSeconds(1);

    @Test
    void aHolderStalledPastItsLeaseAndTheInstanceThatTookOverWriteOneFilePerConversation() throws Exception {
        Path shared = TempArchive.create();
        String prefix = "shared-dir-" + UUID.randomUUID();
        try (RedisConnector first = RedisConnector.connect(RedisServer.shared().uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT);
                RedisConnector second = RedisConnector.connect(RedisServer.shared().uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            RedisStoreOptions options = RedisStoreOptions.defaults().withKeyPrefix(prefix);
            ConversationSettings settings = new ConversationSettings(IDLE, CleanupStrategy.ARCHIVE, 100, LEASE);
            ConversationArchive directory = new JsonFileConversationArchive(shared);
            AtomicBoolean stalled = new AtomicBoolean();
            ConversationArchiving other = new ConversationArchiving(new RedisConversationStore(second.live(), second.sweeper(), options),
                    directory, settings, Clock.systemUTC());
            // The first instance's first write stalls past the lease; the other instance sweeps meanwhile.
            ConversationArchive stalling = new Stalling(directory, () -> {
                if (stalled.compareAndSet(false, true)) {
                    sleep(LEASE.plusMillis(500));
                    assertThat(other.sweep()).as("the other instance took over the expired claims").isPositive();
                }
            });
            ConversationArchiving slow = new ConversationArchiving(new RedisConversationStore(first.live(), first.sweeper(), options),
                    stalling, settings, Clock.systemUTC());
            LiveConversations live = new LiveConversations(new RedisConversationStore(first.live(), first.sweeper(), options),
                    Clock.systemUTC(), settings);
            for (int i = 0; i < 3; i++) {
                ThreadId thread = ThreadId.of(Integer.toString(8_100 + i));
                live.start(new NewConversation(thread, GuildId.of("987654321"), "g", UserId.of("12345678901234567" + i)));
                live.add(thread, Message.chat(java.time.Instant.now(), "message " + i).from(UserId.of("12345678901234567" + i)));
            }
            sleep(IDLE.plusMillis(200));

            slow.sweep();

            assertThat(stalled).isTrue();
            List<String> files = TempArchive.files(shared);
            assertThat(files).hasSize(3);
            for (String file : files) {
                assertThat(Files.readString(shared.resolve(file))).contains("\"message_content\": \"message ");
            }
        } finally {
            TempArchive.delete(shared);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An archive that runs {@code beforeSave} at the start of every save. */
    private record Stalling(ConversationArchive archive, Runnable beforeSave) implements ConversationArchive {

        @Override
        public String save(Conversation conversation) {
            beforeSave.run();
            return archive.save(conversation);
        }

        @Override
        public Optional<ArchivedTranscript> load(String fileName) {
            return archive.load(fileName);
        }

        @Override
        public ArchiveListing list(ArchiveQuery query) {
            return archive.list(query);
        }
    }
}

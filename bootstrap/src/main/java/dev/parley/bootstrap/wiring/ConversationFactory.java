package dev.parley.bootstrap.wiring;

import dev.parley.adapters.file.ArchiveIndex;
import dev.parley.adapters.file.ArchiveIndexSettings;
import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.adapters.redis.RedisConversationStore;
import dev.parley.adapters.redis.RedisStoreOptions;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.config.RedisSettings;
import dev.parley.bootstrap.metrics.ParleyMetrics;
import dev.parley.domain.conversation.ConversationStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Constructs the conversation side of Parley's driven ports: the clock, the store chosen by
 * {@code parley.storage}, and the JSON file archive with its search index. The idle sweeper
 * ({@link UseCaseFactory}) is eager, and with it the store and the archive, so a configuration the
 * store cannot honour stops the start, and the index starts opening (in the background) at once.
 */
@Factory
final class ConversationFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    ConversationStore conversationStore(ParleySettings settings, Clock clock, BeanProvider<SharedRedis> redis,
            BeanProvider<RedisSettings> redisSettings, ParleyMetrics metrics) {
        ConversationStore store = switch (settings.storage()) {
            case MEMORY -> new InMemoryConversationStore(clock);
            case REDIS -> {
                RedisStoreOptions options = redisSettings.get().store(); // checked before connecting: a typo needs no Redis
                yield new RedisConversationStore(redis.get().live(), redis.get().sweeper(), options);
            }
        };
        return metrics.store(store, settings.cleanup());
    }

    /**
     * The archive ({@code ConversationArchive}) with its index; closed after everything that saves
     * through it (the shutdown save included), which commits the index.
     */
    @Singleton
    @Bean(preDestroy = "close")
    JsonFileConversationArchive conversationArchive(ParleySettings settings, ParleyMetrics metrics) {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(settings.archiveDirectory(), ArchiveIndexSettings.defaults());
        archive.index().ifPresent(metrics::watch);
        return archive;
    }

    /** The archive's index: the {@code ArchiveSearch} port, and its status for {@code /health}. */
    @Singleton
    ArchiveIndex archiveIndex(JsonFileConversationArchive archive) {
        return archive.index().orElseThrow(() -> new IllegalStateException("the archive was opened without its index"));
    }
}

package dev.parley.bootstrap.wiring;

import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.adapters.redis.RedisConversationStore;
import dev.parley.adapters.redis.RedisStoreOptions;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.config.RedisSettings;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.conversation.ConversationStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Constructs the conversation side of Parley's driven ports: the clock, the store chosen by
 * {@code parley.storage} and the JSON file archive. The idle sweeper ({@link UseCaseFactory}) is
 * eager, and with it the store, so a configuration the store cannot honour stops the start.
 */
@Factory
final class ConversationFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    ConversationStore conversationStore(ParleySettings settings, Clock clock, BeanProvider<SharedRedis> redis,
            BeanProvider<RedisSettings> redisSettings) {
        return switch (settings.storage()) {
            case MEMORY -> new InMemoryConversationStore(clock);
            case REDIS -> {
                RedisStoreOptions options = redisSettings.get().store(); // checked before connecting: a typo needs no Redis
                yield new RedisConversationStore(redis.get().live(), redis.get().sweeper(), options);
            }
        };
    }

    @Singleton
    ConversationArchive conversationArchive(ParleySettings settings) {
        return new JsonFileConversationArchive(settings.archiveDirectory());
    }
}

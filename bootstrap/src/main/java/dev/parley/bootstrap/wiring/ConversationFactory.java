package dev.parley.bootstrap.wiring;

import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.adapters.redis.RedisConversationStore;
import dev.parley.adapters.redis.RedisStoreOptions;
import dev.parley.bootstrap.config.InvalidConfigurationException;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.config.RedisSettings;
import dev.parley.bootstrap.config.SettingsFactory;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.conversation.ConversationStore;
import io.lettuce.core.RedisClient;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
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

    static final String REDIS_URI = "redis.uri";

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
                yield new RedisConversationStore(redis.get().connection(), options);
            }
        };
    }

    /** Only built when something needs Redis: a memory-only instance never connects. */
    @Singleton
    @Bean(preDestroy = "close")
    SharedRedis sharedRedis(BeanProvider<RedisClient> client, BeanProvider<AbstractRedisConfiguration> configuration) {
        if (!client.isPresent()) {
            throw new InvalidConfigurationException(REDIS_URI, "is required when " + SettingsFactory.STORAGE
                    + " is redis, e.g. redis://127.0.0.1:6379 (REDIS_URI)");
        }
        // The configuration object is itself a RedisURI with default fields; redis.uri lives in getUri().
        AbstractRedisConfiguration redis = configuration.get();
        return SharedRedis.open(client.get(), redis.getUri().orElse(redis));
    }

    @Singleton
    ConversationArchive conversationArchive(ParleySettings settings) {
        return new JsonFileConversationArchive(settings.archiveDirectory());
    }
}

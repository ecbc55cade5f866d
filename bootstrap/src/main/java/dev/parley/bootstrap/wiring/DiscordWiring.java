package dev.parley.bootstrap.wiring;

import dev.parley.adapters.memory.InMemoryChannelWebhooks;
import dev.parley.adapters.memory.InMemoryIdentifyPacing;
import dev.parley.adapters.redis.RedisChannelWebhooks;
import dev.parley.adapters.redis.RedisIdentifyPacing;
import dev.parley.adapters.redis.RedisPlatformOptions;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.config.RedisSettings;
import dev.parley.domain.platform.ChannelWebhooks;
import dev.parley.domain.platform.IdentifyPacing;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The Discord bot's shared state on the storage {@code parley.storage} names: each channel's
 * webhook (so every instance posts through the same one) and the identify pacing (so instances
 * started together stay within Discord's one IDENTIFY per 5 s per bucket). Built only when the bot
 * runs ({@link DiscordBotRunner} asks for them).
 */
@Factory
final class DiscordWiring {

    @Singleton
    ChannelWebhooks channelWebhooks(ParleySettings settings, BeanProvider<SharedRedis> redis, BeanProvider<RedisSettings> redisSettings) {
        return switch (settings.storage()) {
            case MEMORY -> new InMemoryChannelWebhooks();
            case REDIS -> new RedisChannelWebhooks(redis.get().live(), RedisPlatformOptions.sharingPrefixWith(redisSettings.get().store()));
        };
    }

    @Singleton
    IdentifyPacing identifyPacing(ParleySettings settings, Clock clock, BeanProvider<SharedRedis> redis,
            BeanProvider<RedisSettings> redisSettings) {
        return switch (settings.storage()) {
            case MEMORY -> new InMemoryIdentifyPacing(clock);
            case REDIS -> new RedisIdentifyPacing(redis.get().live(), RedisPlatformOptions.sharingPrefixWith(redisSettings.get().store()));
        };
    }
}

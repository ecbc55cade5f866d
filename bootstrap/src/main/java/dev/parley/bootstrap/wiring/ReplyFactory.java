package dev.parley.bootstrap.wiring;

import dev.parley.adapters.memory.InMemoryAvatarRoster;
import dev.parley.adapters.memory.InMemoryReplyGate;
import dev.parley.adapters.redis.RedisAvatarRoster;
import dev.parley.adapters.redis.RedisGateOptions;
import dev.parley.adapters.redis.RedisReplyGate;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.config.RedisSettings;
import dev.parley.bootstrap.metrics.ParleyMetrics;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRules;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Constructs the reply gate and the avatar roster on the storage {@code parley.storage} names: in
 * memory for one instance; in Redis, on the conversations' connection and key prefix, when
 * instances share one, so every instance decides against the same cooldowns and rosters.
 */
@Factory
final class ReplyFactory {

    @Singleton
    ReplyGate replyGate(ParleySettings settings, ReplyRules rules, Clock clock, BeanProvider<SharedRedis> redis,
            BeanProvider<RedisSettings> redisSettings, ParleyMetrics metrics) {
        return metrics.gate(switch (settings.storage()) {
            case MEMORY -> new InMemoryReplyGate(rules, clock);
            case REDIS -> new RedisReplyGate(redis.get().live(), rules, gateOptions(redisSettings));
        });
    }

    @Singleton
    AvatarRoster avatarRoster(ParleySettings settings, ReplyRules rules, Clock clock, BeanProvider<SharedRedis> redis,
            BeanProvider<RedisSettings> redisSettings, ParleyMetrics metrics) {
        return metrics.roster(switch (settings.storage()) {
            case MEMORY -> new InMemoryAvatarRoster(rules.maxActiveAvatarsPerChannel(), clock);
            case REDIS -> new RedisAvatarRoster(redis.get().live(), rules.maxActiveAvatarsPerChannel(), gateOptions(redisSettings));
        });
    }

    private static RedisGateOptions gateOptions(BeanProvider<RedisSettings> redisSettings) {
        return RedisGateOptions.sharingPrefixWith(redisSettings.get().store());
    }
}

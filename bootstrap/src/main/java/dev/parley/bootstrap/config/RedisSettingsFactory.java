package dev.parley.bootstrap.config;

import dev.parley.adapters.redis.RedisStoreOptions;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Duration;

/** Reads and checks the {@code parley.redis.*} keys; each mistake names its key. */
@Factory
final class RedisSettingsFactory {

    static final String KEY_PREFIX = "parley.redis.key-prefix";
    static final String SHARDS = "parley.redis.shards";
    static final String GRACE = "parley.redis.grace";
    static final String COMMAND_TIMEOUT = "parley.redis.command-timeout";
    static final String MAX_HAND_OUTS = "parley.redis.max-hand-outs";

    @Singleton
    RedisSettings redisSettings(Environment environment) {
        RedisStoreOptions defaults = RedisStoreOptions.defaults();
        String prefix = environment.getProperty(KEY_PREFIX, String.class).orElse(defaults.keyPrefix()).trim();
        int shards = shards(environment.getProperty(SHARDS, String.class).orElse(String.valueOf(defaults.shards())));
        Duration grace = Durations.parsePositive(GRACE, environment.getProperty(GRACE, String.class).orElse("1h"));
        Duration timeout = Durations.parsePositive(COMMAND_TIMEOUT, environment.getProperty(COMMAND_TIMEOUT, String.class).orElse("2s"));
        int handOuts = SettingsFactory.positiveInt(MAX_HAND_OUTS,
                environment.getProperty(MAX_HAND_OUTS, String.class).orElse(String.valueOf(defaults.maxHandOuts())));
        RedisStoreOptions store;
        try {
            store = defaults.withShards(shards).withGrace(grace).withMaxHandOuts(handOuts).withKeyPrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(KEY_PREFIX, "must be non-empty, without braces or whitespace, got \"" + prefix + "\"");
        }
        return new RedisSettings(store, timeout);
    }

    private static int shards(String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= RedisStoreOptions.MAX_SHARDS) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(SHARDS, "must be a whole number from 1 to " + RedisStoreOptions.MAX_SHARDS
                + ", got \"" + value + "\"");
    }
}

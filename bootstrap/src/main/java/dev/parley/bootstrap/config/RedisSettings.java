package dev.parley.bootstrap.config;

import dev.parley.adapters.redis.RedisStoreOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How Parley uses Redis when {@code parley.storage} is {@code redis}: the key layout every instance
 * sharing the Redis must agree on, and how long a command may take before it fails.
 *
 * @param store key prefix, shard count, grace, sealed-key lifetime and hand-outs before a dead letter ({@code parley.redis.*})
 * @param commandTimeout a command not answered within this fails with "storage unavailable"
 */
public record RedisSettings(RedisStoreOptions store, Duration commandTimeout) {

    public RedisSettings {
        Objects.requireNonNull(store, "store == null");
        Objects.requireNonNull(commandTimeout, "commandTimeout == null");
    }
}

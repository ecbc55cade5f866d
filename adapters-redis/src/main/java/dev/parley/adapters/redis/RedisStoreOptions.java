package dev.parley.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RedisConversationStore} names and keeps its keys. Every instance sharing one Redis
 * must use the same options.
 *
 * <pre>{@code
 * RedisStoreOptions options = RedisStoreOptions.defaults().withKeyPrefix("bot-a").withShards(4);
 * }</pre>
 *
 * @param keyPrefix first part of every key ({@code <prefix>:{<shard>}:...}); no braces or whitespace
 * @param shards    number of hash tags the threads are spread over (Redis Cluster slots); 1 keeps all in one slot
 * @param grace     how long, at least, live keys outlive their idle deadline (at most twice that), so
 *                  sweepers that were down for less than this still archive them
 * @param sealedTtl how long a claimed conversation's keys are kept while no one acknowledges it
 */
public record RedisStoreOptions(String keyPrefix, int shards, Duration grace, Duration sealedTtl) {

    /** Redis Cluster has this many slots: more shards could not spread further. */
    public static final int MAX_SHARDS = 16_384;

    public RedisStoreOptions {
        Objects.requireNonNull(keyPrefix, "keyPrefix == null");
        Objects.requireNonNull(grace, "grace == null");
        Objects.requireNonNull(sealedTtl, "sealedTtl == null");
        if (keyPrefix.isEmpty() || keyPrefix.chars().anyMatch(c -> c == '{' || c == '}' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("keyPrefix must be non-empty, without braces or whitespace, got \"" + keyPrefix + "\"");
        }
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be between 1 and " + MAX_SHARDS + ", got " + shards);
        }
        if (grace.toMillis() < 1) {
            throw new IllegalArgumentException("grace must be at least 1 ms, got " + grace);
        }
        if (sealedTtl.toMillis() < 1) {
            throw new IllegalArgumentException("sealedTtl must be at least 1 ms, got " + sealedTtl);
        }
    }

    /** Prefix {@code parley}, one shard, one hour of grace, sealed keys kept seven days. */
    public static RedisStoreOptions defaults() {
        return new RedisStoreOptions("parley", 1, Duration.ofHours(1), Duration.ofDays(7));
    }

    public RedisStoreOptions withKeyPrefix(String prefix) {
        return new RedisStoreOptions(prefix, shards, grace, sealedTtl);
    }

    public RedisStoreOptions withShards(int count) {
        return new RedisStoreOptions(keyPrefix, count, grace, sealedTtl);
    }

    public RedisStoreOptions withGrace(Duration duration) {
        return new RedisStoreOptions(keyPrefix, shards, duration, sealedTtl);
    }

    public RedisStoreOptions withSealedTtl(Duration duration) {
        return new RedisStoreOptions(keyPrefix, shards, grace, duration);
    }
}

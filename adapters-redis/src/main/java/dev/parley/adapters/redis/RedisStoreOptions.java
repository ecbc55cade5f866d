package dev.parley.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RedisConversationStore} names and keeps its keys. Every instance sharing one Redis
 * must use the same prefix, shard count and grace.
 *
 * <pre>{@code
 * RedisStoreOptions options = RedisStoreOptions.defaults().withKeyPrefix("bot-a").withShards(4);
 * }</pre>
 *
 * @param keyPrefix   first part of every key ({@code <prefix>:{<shard>}:...}); no braces or whitespace
 * @param shards      number of hash tags the threads are spread over (Redis Cluster slots); 1 keeps all in one slot
 * @param grace       how long, at least, live keys outlive their idle deadline (at most twice that), so
 *                    sweepers that were down for less than this still archive them
 * @param sealedTtl   how long a claimed conversation's keys are kept while no one acknowledges it
 * @param maxHandOuts how many times a claim may be handed out without its holder reading it back
 *                    before it is set aside in the dead-letter set
 * @param pageBytes   about how many bytes of history one reply carries when a claimed conversation is
 *                    read back (at least one message per reply, whatever its size)
 */
public record RedisStoreOptions(String keyPrefix, int shards, Duration grace, Duration sealedTtl, int maxHandOuts, int pageBytes) {

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
        if (maxHandOuts < 1) {
            throw new IllegalArgumentException("maxHandOuts must be at least 1, got " + maxHandOuts);
        }
        if (pageBytes < 1) {
            throw new IllegalArgumentException("pageBytes must be at least 1, got " + pageBytes);
        }
    }

    /** Prefix {@code parley}, one shard, one hour of grace, sealed keys kept seven days, 5 hand-outs, 256 KiB pages. */
    public static RedisStoreOptions defaults() {
        return new RedisStoreOptions("parley", 1, Duration.ofHours(1), Duration.ofDays(7), 5, 256 * 1024);
    }

    public RedisStoreOptions withKeyPrefix(String prefix) {
        return new RedisStoreOptions(prefix, shards, grace, sealedTtl, maxHandOuts, pageBytes);
    }

    public RedisStoreOptions withShards(int count) {
        return new RedisStoreOptions(keyPrefix, count, grace, sealedTtl, maxHandOuts, pageBytes);
    }

    public RedisStoreOptions withGrace(Duration duration) {
        return new RedisStoreOptions(keyPrefix, shards, duration, sealedTtl, maxHandOuts, pageBytes);
    }

    public RedisStoreOptions withSealedTtl(Duration duration) {
        return new RedisStoreOptions(keyPrefix, shards, grace, duration, maxHandOuts, pageBytes);
    }

    public RedisStoreOptions withMaxHandOuts(int count) {
        return new RedisStoreOptions(keyPrefix, shards, grace, sealedTtl, count, pageBytes);
    }

    public RedisStoreOptions withPageBytes(int bytes) {
        return new RedisStoreOptions(keyPrefix, shards, grace, sealedTtl, maxHandOuts, bytes);
    }
}

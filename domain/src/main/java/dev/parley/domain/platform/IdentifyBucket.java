package dev.parley.domain.platform;

import dev.parley.domain.id.UserId;
import java.util.Objects;

/**
 * One of a Discord bot's identify rate-limit buckets: shard {@code s} identifies in bucket
 * {@code s % max_concurrency}, and each bucket allows one IDENTIFY per 5 seconds.
 *
 * @param bot   the bot's own user id (one application's buckets are separate from another's)
 * @param index the bucket number, 0 to 1023
 */
public record IdentifyBucket(UserId bot, int index) {

    static final int MAX_INDEX = 1023;

    public IdentifyBucket {
        Objects.requireNonNull(bot, "bot == null");
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("an identify bucket is 0 to " + MAX_INDEX + ", got " + index);
        }
    }

    /** The bucket shard {@code shardId} identifies in when the bot may start {@code maxConcurrency} sessions at once. */
    public static IdentifyBucket of(UserId bot, int shardId, int maxConcurrency) {
        if (shardId < 0) {
            throw new IllegalArgumentException("shardId must not be negative, got " + shardId);
        }
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1, got " + maxConcurrency);
        }
        return new IdentifyBucket(bot, shardId % maxConcurrency);
    }
}

package dev.parley.bootstrap.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * What a Redis shared by Parley instances still has to archive, read straight from its keys
 * (docs/redis.md, one shard): conversations still live ({@code due}) and claims handed out but not
 * acknowledged ({@code archq}). Once both are empty, no sweeper can archive anything again.
 */
public final class PendingArchiving {

    private PendingArchiving() {
    }

    /** How many conversations under {@code keyPrefix} are live or claimed and not yet acknowledged. */
    public static long count(String redisUri, String keyPrefix) {
        RedisClient client = RedisClient.create(redisUri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String base = keyPrefix + ":{0}:";
            return connection.sync().zcard(base + "due") + connection.sync().zcard(base + "archq");
        } finally {
            client.shutdown();
        }
    }
}

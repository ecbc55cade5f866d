package dev.parley.bootstrap.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;

/**
 * What a Redis shared by Parley instances still has to archive, read straight from its keys
 * (docs/redis.md): in every shard, conversations still live ({@code due}) and claims handed out
 * but not acknowledged ({@code archq}). Once all are empty, no sweeper can archive anything again.
 */
public final class PendingArchiving {

    private PendingArchiving() {
    }

    /** How many conversations under {@code keyPrefix} are live or claimed and not yet acknowledged, on one Redis. */
    public static long count(String redisUri, String keyPrefix) {
        return count(List.of(redisUri), false, keyPrefix, 1);
    }

    /**
     * The same over {@code shards} shards, on one Redis ({@code cluster} false, one URI) or on a
     * Redis Cluster given some of its nodes.
     */
    public static long count(List<String> uris, boolean cluster, String keyPrefix, int shards) {
        if (!cluster) {
            RedisClient client = RedisClient.create(uris.getFirst());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                return count(connection.sync(), keyPrefix, shards);
            } finally {
                client.shutdown();
            }
        }
        RedisClusterClient client = RedisClusterClient.create(uris.stream().map(RedisURI::create).toList());
        try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
            return count(connection.sync(), keyPrefix, shards);
        } finally {
            client.shutdown();
        }
    }

    private static long count(RedisClusterCommands<String, String> redis, String keyPrefix, int shards) {
        long pending = 0;
        for (int shard = 0; shard < shards; shard++) {
            String base = keyPrefix + ":{" + shard + "}:";
            pending += redis.zcard(base + "due") + redis.zcard(base + "archq");
        }
        return pending;
    }
}

package dev.parley.adapters.redis;

import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What a health check should know about the Redis behind the store beyond "it answers": whether
 * its memory policy can lose conversations (any policy but {@code noeviction} evicts keys, and
 * every live key carries a TTL, so even {@code volatile-*} policies may drop a live conversation
 * or a claim), how full it is, and how many claims were set aside as dead letters. For a cluster,
 * every master is asked.
 *
 * <pre>{@code
 * RedisHealthProbe.Report report = new RedisHealthProbe(redis.live(), options).report();
 * }</pre>
 */
public final class RedisHealthProbe {

    /** The one policy under which a full Redis refuses writes instead of dropping keys. */
    public static final String SAFE_POLICY = "noeviction";

    private final RedisCalls redis;
    private final RedisConnection connection;
    private final RedisKeys keys;

    public RedisHealthProbe(RedisConnection connection, RedisStoreOptions options) {
        this.connection = Objects.requireNonNull(connection, "connection == null");
        this.redis = new RedisCalls(connection, ScriptClock.SERVER);
        this.keys = new RedisKeys(options.keyPrefix(), options.shards());
    }

    /**
     * Asks Redis now.
     *
     * @throws dev.parley.domain.StorageUnavailableException if Redis does not answer
     */
    public Report report() {
        List<Node> nodes = new ArrayList<>();
        if (connection.lettuce() instanceof StatefulRedisClusterConnection<String, String> cluster) {
            for (RedisClusterNode node : cluster.getPartitions()) {
                if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
                    CompletableFuture<String> info = cluster.getConnectionAsync(node.getNodeId())
                            .thenCompose(c -> c.async().info("memory").toCompletableFuture());
                    nodes.add(Node.of(node.getUri().getHost() + ":" + node.getUri().getPort(), redis.await("memory info", "", info)));
                }
            }
        } else {
            String info = redis.command("memory info", keys.due(0), commands -> commands.info("memory"));
            nodes.add(Node.of("redis", info));
        }
        long deadLetters = 0;
        for (int shard = 0; shard < keys.shards(); shard++) {
            String dead = keys.deadLetters(shard);
            deadLetters += redis.command("dead letters", dead, commands -> commands.zcard(dead));
        }
        return new Report(List.copyOf(nodes), deadLetters);
    }

    /**
     * @param nodes       each server's memory policy and use (one for a single Redis, each master of a cluster)
     * @param deadLetters claims set aside after too many hand-outs, over all shards
     */
    public record Report(List<Node> nodes, long deadLetters) {

        /** Whether every server refuses writes when full rather than evicting keys. */
        public boolean evictionSafe() {
            return nodes.stream().allMatch(node -> SAFE_POLICY.equals(node.maxmemoryPolicy()));
        }
    }

    /**
     * @param address         where the server is ({@code redis} for the one Redis of a standalone connection)
     * @param maxmemoryPolicy its {@code maxmemory-policy}
     * @param usedMemory      bytes in use
     * @param maxMemory       its {@code maxmemory} in bytes; 0 means no limit
     */
    public record Node(String address, String maxmemoryPolicy, long usedMemory, long maxMemory) {

        static Node of(String address, String info) {
            String policy = "unknown";
            long used = 0;
            long max = 0;
            for (String line : info.split("\r?\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String value = line.substring(colon + 1).trim();
                switch (line.substring(0, colon)) {
                    case "maxmemory_policy" -> policy = value;
                    case "used_memory" -> used = Long.parseLong(value);
                    case "maxmemory" -> max = Long.parseLong(value);
                    default -> {
                    }
                }
            }
            return new Node(address, policy, used, max);
        }
    }
}

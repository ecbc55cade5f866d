package dev.parley.adapters.redis;

import io.lettuce.core.CommandListenerWriter;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisChannelWriter;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.protocol.CommandExpiryWriter;
import io.lettuce.core.protocol.DefaultEndpoint;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Lettuce connection the Redis adapters send their commands on, to a single Redis or to a
 * Redis Cluster: Lettuce's two stateful connections share the command interface
 * {@link RedisClusterAsyncCommands} (a cluster connection routes each command to the master of
 * its first key's slot), and this class hides the rest of their difference: how to drop a
 * connection whose peer went silent so that Lettuce reconnects.
 *
 * <p>Thread-safe, like the connection it wraps. It never closes it: whoever opened the
 * connection ({@link RedisConnector}) closes it.
 */
public final class RedisConnection {

    private final StatefulConnection<String, String> connection;
    private final RedisClusterAsyncCommands<String, String> async;
    private final RedisClusterCommands<String, String> sync;
    private final boolean cluster;
    private final RedisObserver observer;
    /** Commands in a row that got no reply in time; any reply resets it. */
    private final AtomicInteger silentInARow = new AtomicInteger();

    private RedisConnection(StatefulConnection<String, String> connection, RedisClusterAsyncCommands<String, String> async,
            RedisClusterCommands<String, String> sync, boolean cluster, RedisObserver observer) {
        this.connection = connection;
        this.async = async;
        this.sync = sync;
        this.cluster = cluster;
        this.observer = Objects.requireNonNull(observer, "observer == null");
    }

    /** A connection to one Redis (standalone, or the master Sentinel points at). */
    public static RedisConnection of(StatefulRedisConnection<String, String> connection) {
        return of(connection, RedisObserver.NONE);
    }

    /** A connection to one Redis whose failures the adapters report to {@code observer}. */
    public static RedisConnection of(StatefulRedisConnection<String, String> connection, RedisObserver observer) {
        Objects.requireNonNull(connection, "connection == null");
        return new RedisConnection(connection, connection.async(), connection.sync(), false, observer);
    }

    /** A connection to a Redis Cluster. */
    public static RedisConnection of(StatefulRedisClusterConnection<String, String> connection) {
        return of(connection, RedisObserver.NONE);
    }

    /** A connection to a Redis Cluster whose failures the adapters report to {@code observer}. */
    public static RedisConnection of(StatefulRedisClusterConnection<String, String> connection, RedisObserver observer) {
        Objects.requireNonNull(connection, "connection == null");
        return new RedisConnection(connection, connection.async(), connection.sync(), true, observer);
    }

    /** Who hears of this connection's failed commands, dead letters and losses. */
    RedisObserver observer() {
        return observer;
    }

    /** The asynchronous commands every adapter call goes through. */
    RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    /** Blocking commands, for tools and tests; the adapters never block inside Lettuce. */
    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    public boolean isCluster() {
        return cluster;
    }

    /** The connection's default timeout; {@link RedisConnector} sets it to the command timeout. */
    Duration timeout() {
        return connection.getTimeout();
    }

    /** The Lettuce connection itself, for what this class does not cover (cluster topology, node connections). */
    public StatefulConnection<String, String> lettuce() {
        return connection;
    }

    /** Counts a command that got no reply in time; returns how many did so in a row. */
    int noReplyInTime() {
        return silentInARow.incrementAndGet();
    }

    /** A reply arrived: the peer is alive. */
    void replied() {
        if (silentInARow.get() != 0) {
            silentInARow.set(0);
        }
    }

    /**
     * Drops the TCP connection that serves {@code key} (the only one for a single Redis; the
     * slot master's for a cluster) without closing this connection: Lettuce notices the channel
     * went inactive and reconnects, with its usual delay. For a peer that stopped answering
     * without closing the connection (host gone, a failover behind a virtual IP), which the
     * kernel would otherwise notice only after many minutes of retransmissions.
     */
    void dropSilentChannel(String key) {
        silentInARow.set(0);
        if (connection instanceof StatefulRedisClusterConnection<String, String> clustered) {
            RedisClusterNode master = clustered.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
            if (master != null) {
                CompletableFuture<StatefulRedisConnection<String, String>> node = clustered.getConnectionAsync(master.getNodeId());
                if (node.isDone() && !node.isCompletedExceptionally()) {
                    disconnect(node.join());
                }
            }
        } else {
            disconnect(connection);
        }
    }

    private static void disconnect(StatefulConnection<?, ?> connection) {
        if (connection instanceof RedisChannelHandler<?, ?> handler) {
            RedisChannelWriter writer = handler.getChannelWriter();
            while (true) {
                if (writer instanceof CommandExpiryWriter expiring) {
                    writer = expiring.getDelegate();
                } else if (writer instanceof CommandListenerWriter listening) {
                    writer = listening.getDelegate();
                } else {
                    break;
                }
            }
            if (writer instanceof DefaultEndpoint endpoint) {
                endpoint.disconnect();
            }
        }
    }

    @Override
    public String toString() {
        return cluster ? "Redis Cluster connection" : "Redis connection";
    }
}

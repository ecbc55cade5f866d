package dev.parley.adapters.redis;

import dev.parley.adapters.redis.testing.RedisCluster;

/** Connections to the shared three-master test cluster: a first client, and a second as another instance would have. */
final class ClusterConnections {

    private ClusterConnections() {
    }

    static RedisConnection shared() {
        return Shared.CONNECTOR.live();
    }

    static RedisConnection sharedSweeper() {
        return Shared.CONNECTOR.sweeper();
    }

    static RedisConnection second() {
        return Second.CONNECTOR.live();
    }

    private static RedisConnector connect(String closerName) {
        RedisConnector connector = RedisConnector.connectCluster(RedisCluster.shared().uris(), RedisConnector.DEFAULT_COMMAND_TIMEOUT);
        Runtime.getRuntime().addShutdownHook(new Thread(connector::close, closerName));
        return connector;
    }

    private static final class Shared {
        static final RedisConnector CONNECTOR = connect("redis-cluster-test-connection-closer");
    }

    private static final class Second {
        static final RedisConnector CONNECTOR = connect("redis-cluster-second-connection-closer");
    }
}

package dev.parley.adapters.redis;

import dev.parley.adapters.redis.testing.RedisServer;

/**
 * Connections to the shared test Redis: one that every test class needing no client of its own
 * shares, and a second with its own client and event loop, so an adapter built on it behaves as
 * another instance of the service would.
 */
final class TestConnections {

    private TestConnections() {
    }

    static RedisConnection shared() {
        return Shared.CONNECTOR.live();
    }

    /** The shared client's second connection, the one a store's sweeping uses. */
    static RedisConnection sharedSweeper() {
        return Shared.CONNECTOR.sweeper();
    }

    static RedisConnection second() {
        return Second.CONNECTOR.live();
    }

    private static RedisConnector connect(String closerName) {
        RedisConnector connector = RedisConnector.connect(RedisServer.shared().uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT);
        Runtime.getRuntime().addShutdownHook(new Thread(connector::close, closerName));
        return connector;
    }

    private static final class Shared {
        static final RedisConnector CONNECTOR = connect("redis-test-connection-closer");
    }

    private static final class Second {
        static final RedisConnector CONNECTOR = connect("redis-second-connection-closer");
    }
}

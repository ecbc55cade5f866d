package dev.parley.bootstrap.wiring;

import dev.parley.domain.StorageUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Objects;

/**
 * The one Redis connection every Redis adapter of this instance shares (Lettuce connections are
 * thread-safe and pipeline concurrent commands). Opened at start: an unreachable Redis stops the
 * start with a message naming its address, never its password.
 */
final class SharedRedis implements AutoCloseable {

    private final StatefulRedisConnection<String, String> connection;

    private SharedRedis(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
    }

    static SharedRedis open(RedisClient client, RedisURI uri) {
        Objects.requireNonNull(client, "client == null");
        try {
            return new SharedRedis(client.connect());
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("Redis unavailable: cannot connect to " + uri.getHost() + ":" + uri.getPort()
                    + " (redis.uri): " + e.getClass().getSimpleName(), e);
        }
    }

    StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
    }
}

package dev.parley.bootstrap.wiring;

import dev.parley.adapters.redis.RedisConnection;
import dev.parley.adapters.redis.RedisConnector;
import dev.parley.adapters.redis.RedisObserver;
import dev.parley.domain.StorageUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The Redis connections every Redis adapter of this instance shares, opened by
 * {@link RedisConnector#open} (the path the adapters' tests drive too) from the client
 * micronaut-redis builds: a {@code RedisClient} from {@code redis.uri}, or a
 * {@code RedisClusterClient} from {@code redis.uris}. Opened at start: an unreachable Redis stops
 * the start with a message naming its address, never its password.
 */
final class SharedRedis implements AutoCloseable {

    private final RedisConnector connector;

    private SharedRedis(RedisConnector connector) {
        this.connector = connector;
    }

    static SharedRedis open(RedisClient client, String address, Duration commandTimeout, RedisObserver observer) {
        Objects.requireNonNull(client, "client == null");
        try {
            return new SharedRedis(RedisConnector.open(client, commandTimeout, observer));
        } catch (StorageUnavailableException e) {
            throw cannotConnect(address, "redis.uri", e);
        }
    }

    static SharedRedis open(RedisClusterClient client, String addresses, Duration commandTimeout, RedisObserver observer) {
        Objects.requireNonNull(client, "client == null");
        try {
            return new SharedRedis(RedisConnector.open(client, commandTimeout, observer));
        } catch (StorageUnavailableException e) {
            throw cannotConnect(addresses, "redis.uris", e);
        }
    }

    private static StorageUnavailableException cannotConnect(String address, String key, StorageUnavailableException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new StorageUnavailableException("Redis unavailable: cannot connect to " + address + " (" + key + "): "
                + cause.getClass().getSimpleName(), e);
    }

    /** For requests: appends, reads, gate decisions, activations. */
    RedisConnection live() {
        return connector.live();
    }

    /** For archiving: claims, history pages, renewals, acknowledgements. */
    RedisConnection sweeper() {
        return connector.sweeper();
    }

    @Override
    public void close() {
        connector.close();
    }
}

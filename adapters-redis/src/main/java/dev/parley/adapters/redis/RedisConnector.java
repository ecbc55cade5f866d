package dev.parley.adapters.redis;

import dev.parley.domain.StorageUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Lettuce client the Redis adapters need and holds its one shared connection.
 * Lettuce's defaults suit a batch job, not a bot: while Redis is down they queue commands without
 * bound and async commands never time out. Here, a command sent while disconnected fails at once,
 * every command fails after {@code commandTimeout}, a command cut off by a disconnect is not sent
 * again after the reconnect (at most once), and the client reconnects by itself every
 * 100 ms to 2 s.
 *
 * <pre>{@code
 * try (RedisConnector redis = RedisConnector.connect("redis://127.0.0.1:6379", RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
 *     ConversationStore store = new RedisConversationStore(redis.connection(), RedisStoreOptions.defaults());
 * }
 * }</pre>
 */
public final class RedisConnector implements AutoCloseable {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MIN_RECONNECT_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisConnector(ClientResources resources, RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.resources = resources;
        this.client = client;
        this.connection = connection;
    }

    /**
     * Connects to {@code uri} ({@code redis://[user:password@]host:port[/db]}, or {@code rediss://}).
     *
     * @throws IllegalArgumentException    if {@code uri} is not a Redis URI (the message never repeats it: it may hold a password)
     * @throws StorageUnavailableException if Redis does not answer
     */
    public static RedisConnector connect(String uri, Duration commandTimeout) {
        Objects.requireNonNull(uri, "uri == null");
        requirePositive(commandTimeout);
        RedisURI redisUri;
        try {
            redisUri = RedisURI.create(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "a Redis URI must look like redis://[user:password@]host:port[/database] (or rediss:// for TLS)");
        }
        redisUri.setTimeout(commandTimeout);
        ClientResources resources = clientResources();
        RedisClient client = RedisClient.create(resources, redisUri);
        client.setOptions(clientOptions(commandTimeout));
        try {
            return new RedisConnector(resources, client, client.connect());
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            throw new StorageUnavailableException("Redis unavailable: cannot connect to " + redisUri.getHost() + ":"
                    + redisUri.getPort() + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The fail-fast options, for a {@link RedisClient} built elsewhere (for instance by a framework). */
    public static ClientOptions clientOptions(Duration commandTimeout) {
        requirePositive(commandTimeout);
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                // A command whose connection broke may have run: sending it again could apply it twice.
                .replayFilter(command -> true)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).keepAlive(true).build())
                .build();
    }

    /** Resources whose reconnect delay stays short (Lettuce's default grows to 30 s), so recovery is quick. */
    public static ClientResources clientResources() {
        return ClientResources.builder().reconnectDelay(reconnectDelay()).build();
    }

    /** The reconnect delay {@link #clientResources()} uses: 100 ms doubling up to 2 s. */
    public static Delay reconnectDelay() {
        return Delay.exponential(MIN_RECONNECT_DELAY, MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS);
    }

    /** The one connection every adapter shares; thread-safe, it pipelines concurrent commands. */
    public StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private static void requirePositive(Duration commandTimeout) {
        Objects.requireNonNull(commandTimeout, "commandTimeout == null");
        if (commandTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("commandTimeout must be at least 1 ms, got " + commandTimeout);
        }
    }
}

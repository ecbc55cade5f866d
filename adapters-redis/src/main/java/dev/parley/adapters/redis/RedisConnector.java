package dev.parley.adapters.redis;

import dev.parley.domain.StorageUnavailableException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The one way Parley connects to Redis, in production and in tests: it gives a Lettuce client
 * (built by the framework from {@code redis.uri} or {@code redis.uris}, or here by
 * {@link #connect}) the fail-fast options and opens the two connections the adapters use.
 *
 * <p>Lettuce's defaults suit a batch job, not a bot: while Redis is down they queue commands
 * without bound and async commands never time out. Here a command sent while disconnected fails
 * at once, every command fails after {@code commandTimeout}, a command cut off by a disconnect is
 * not sent again after the reconnect (at most once), the client reconnects by itself every 100 ms
 * to 2 s, TCP keep-alive probes an idle connection after 5 s (every second, three times), and a
 * cluster client follows topology changes (on redirects and every 30 s).
 *
 * <p>Two connections: {@link #live()} for the calls that serve requests (appends, reads, gate
 * decisions, activations), {@link #sweeper()} for archiving (claims, history pages, renewals,
 * acknowledgements), so a claim's large replies never queue in front of a gate decision.
 *
 * <pre>{@code
 * try (RedisConnector redis = RedisConnector.connect("redis://127.0.0.1:6379", RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
 *     ConversationStore store = new RedisConversationStore(redis.live(), redis.sweeper(), RedisStoreOptions.defaults());
 * }
 * }</pre>
 */
public final class RedisConnector implements AutoCloseable {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MIN_RECONNECT_DELAY = Duration.ofMillis(100);
    private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);
    private static final Duration KEEP_ALIVE_IDLE = Duration.ofSeconds(5);
    private static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(1);
    private static final int KEEP_ALIVE_PROBES = 3;
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(30);

    private final List<StatefulConnection<String, String>> opened;
    private final RedisConnection live;
    private final RedisConnection sweeper;
    /** The client and resources this connector built itself (and so shuts down), or null when given a client. */
    private final AbstractRedisClient ownClient;
    private final ClientResources ownResources;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RedisConnector(List<StatefulConnection<String, String>> opened, RedisConnection live, RedisConnection sweeper,
            AbstractRedisClient ownClient, ClientResources ownResources) {
        this.opened = opened;
        this.live = live;
        this.sweeper = sweeper;
        this.ownClient = ownClient;
        this.ownResources = ownResources;
    }

    /**
     * Applies the fail-fast options to {@code client} and opens its two connections. The client
     * stays its creator's to shut down; {@link #close()} closes only the connections.
     *
     * @throws StorageUnavailableException if Redis does not answer (the message never holds the URI)
     */
    public static RedisConnector open(RedisClient client, Duration commandTimeout) {
        return open(client, commandTimeout, RedisObserver.NONE);
    }

    /** {@link #open(RedisClient, Duration)}, the adapters on its connections reporting to {@code observer}. */
    public static RedisConnector open(RedisClient client, Duration commandTimeout, RedisObserver observer) {
        Objects.requireNonNull(client, "client == null");
        Objects.requireNonNull(observer, "observer == null");
        configure(client, commandTimeout);
        return open(() -> RedisConnection.of(timed(client.connect(), commandTimeout), observer), null, null);
    }

    /** {@link #open(RedisClient, Duration)} for a Redis Cluster client. */
    public static RedisConnector open(RedisClusterClient client, Duration commandTimeout) {
        return open(client, commandTimeout, RedisObserver.NONE);
    }

    /** {@link #open(RedisClient, Duration, RedisObserver)} for a Redis Cluster client. */
    public static RedisConnector open(RedisClusterClient client, Duration commandTimeout, RedisObserver observer) {
        Objects.requireNonNull(client, "client == null");
        Objects.requireNonNull(observer, "observer == null");
        configure(client, commandTimeout);
        return open(() -> RedisConnection.of(timed(client.connect(), commandTimeout), observer), null, null);
    }

    /**
     * Builds a client for one Redis ({@code redis://[user:password@]host:port[/db]}, {@code rediss://}
     * for TLS, or {@code redis-sentinel://host:port[,host:port]/db#master}) as the framework would,
     * with {@link #configure(ClientResources.Builder) resources} of its own, and opens it; closing
     * the connector shuts both down.
     *
     * @throws IllegalArgumentException    if {@code uri} is not a Redis URI (the message never repeats it: it may hold a password)
     * @throws StorageUnavailableException if Redis does not answer
     */
    public static RedisConnector connect(String uri, Duration commandTimeout) {
        return connect(uri, commandTimeout, RedisObserver.NONE);
    }

    /** {@link #connect(String, Duration)}, the adapters on its connections reporting to {@code observer}. */
    public static RedisConnector connect(String uri, Duration commandTimeout, RedisObserver observer) {
        Objects.requireNonNull(observer, "observer == null");
        RedisURI redisUri = parse(uri, commandTimeout);
        ClientResources resources = clientResources();
        RedisClient client = RedisClient.create(resources, redisUri);
        try {
            configure(client, commandTimeout);
            return open(() -> RedisConnection.of(timed(client.connect(), commandTimeout), observer), client, resources);
        } catch (RuntimeException e) {
            shutDown(client, resources);
            throw cannotConnect(redisUri.getHost() + ":" + redisUri.getPort(), e);
        }
    }

    /** {@link #connect(String, Duration)} for a Redis Cluster, given some of its nodes (the rest are discovered). */
    public static RedisConnector connectCluster(List<String> uris, Duration commandTimeout) {
        if (uris == null || uris.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster needs the URI of at least one of its nodes");
        }
        List<RedisURI> nodes = new ArrayList<>();
        for (String uri : uris) {
            nodes.add(parse(uri, commandTimeout));
        }
        ClientResources resources = clientResources();
        RedisClusterClient client = RedisClusterClient.create(resources, nodes);
        try {
            configure(client, commandTimeout);
            return open(() -> RedisConnection.of(timed(client.connect(), commandTimeout)), client, resources);
        } catch (RuntimeException e) {
            shutDown(client, resources);
            throw cannotConnect(nodes.getFirst().getHost() + ":" + nodes.getFirst().getPort() + " and " + (nodes.size() - 1) + " more", e);
        }
    }

    private static RedisConnector open(Supplier<RedisConnection> connect, AbstractRedisClient ownClient, ClientResources ownResources) {
        List<StatefulConnection<String, String>> opened = new ArrayList<>(2);
        try {
            RedisConnection live = connect.get();
            opened.add(live.lettuce());
            RedisConnection sweeper = connect.get();
            opened.add(sweeper.lettuce());
            return new RedisConnector(List.copyOf(opened), live, sweeper, ownClient, ownResources);
        } catch (RuntimeException e) {
            opened.forEach(StatefulConnection::close);
            if (ownClient != null) {
                throw e; // the caller names the address
            }
            throw new StorageUnavailableException("Redis unavailable: cannot connect (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static <C extends StatefulConnection<String, String>> C timed(C connection, Duration commandTimeout) {
        connection.setTimeout(commandTimeout);
        return connection;
    }

    /** Gives {@code client} the fail-fast options; the framework's own connections (its health check) get them too. */
    public static void configure(RedisClient client, Duration commandTimeout) {
        client.setOptions(clientOptions(commandTimeout));
    }

    /** {@link #configure(RedisClient, Duration)} for a cluster client, with topology refresh. */
    public static void configure(RedisClusterClient client, Duration commandTimeout) {
        client.setOptions(clusterClientOptions(commandTimeout));
    }

    /** The fail-fast options for a single Redis. */
    public static ClientOptions clientOptions(Duration commandTimeout) {
        requirePositive(commandTimeout);
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                // A command whose connection broke may have run: sending it again could apply it twice.
                .replayFilter(command -> true)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(socketOptions(commandTimeout))
                .build();
    }

    /** The fail-fast options for a Redis Cluster, following its topology as slots move and masters fail over. */
    public static ClusterClientOptions clusterClientOptions(Duration commandTimeout) {
        requirePositive(commandTimeout);
        ClusterClientOptions.Builder builder = ClusterClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(socketOptions(commandTimeout))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                        .enableAllAdaptiveRefreshTriggers()
                        .build());
        builder.replayFilter(command -> true);
        return builder.build();
    }

    private static SocketOptions socketOptions(Duration commandTimeout) {
        return SocketOptions.builder()
                .connectTimeout(commandTimeout)
                // Probes an idle connection (NIO on Java 11+, epoll, io_uring): a peer gone while
                // nothing was in flight is noticed in about 8 s. A peer gone with commands in
                // flight is handled by RedisCalls, which drops the connection after calls time out.
                .keepAlive(SocketOptions.KeepAliveOptions.builder()
                        .enable()
                        .idle(KEEP_ALIVE_IDLE)
                        .interval(KEEP_ALIVE_INTERVAL)
                        .count(KEEP_ALIVE_PROBES)
                        .build())
                .build();
    }

    /** Client resources whose reconnect delay stays short (Lettuce's default grows to 30 s), so recovery is quick. */
    public static ClientResources clientResources() {
        ClientResources.Builder builder = ClientResources.builder();
        configure(builder);
        return builder.build();
    }

    /** What Parley changes in a client's resources: the reconnect delay, 100 ms doubling up to 2 s. */
    public static void configure(ClientResources.Builder resources) {
        resources.reconnectDelay(reconnectDelay());
    }

    private static Delay reconnectDelay() {
        return Delay.exponential(MIN_RECONNECT_DELAY, MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS);
    }

    /** Serves requests: appends, reads, gate decisions, activations. Thread-safe; it pipelines concurrent commands. */
    public RedisConnection live() {
        return live;
    }

    /** Serves archiving: claims, history pages, lease renewals, acknowledgements. */
    public RedisConnection sweeper() {
        return sweeper;
    }

    /** Closes the two connections, and the client if this connector built it. Repeating it does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        opened.forEach(StatefulConnection::close);
        if (ownClient != null) {
            shutDown(ownClient, ownResources);
        }
    }

    private static void shutDown(AbstractRedisClient client, ClientResources resources) {
        try {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    private static RedisURI parse(String uri, Duration commandTimeout) {
        Objects.requireNonNull(uri, "uri == null");
        requirePositive(commandTimeout);
        RedisURI redisUri;
        try {
            redisUri = RedisURI.create(uri.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "a Redis URI must look like redis://[user:password@]host:port[/database] (or rediss:// for TLS)");
        }
        redisUri.setTimeout(commandTimeout);
        return redisUri;
    }

    private static StorageUnavailableException cannotConnect(String where, RuntimeException e) {
        Throwable cause = e instanceof StorageUnavailableException && e.getCause() != null ? e.getCause() : e;
        return new StorageUnavailableException("Redis unavailable: cannot connect to " + where + " ("
                + cause.getClass().getSimpleName() + ")", e);
    }

    private static void requirePositive(Duration commandTimeout) {
        Objects.requireNonNull(commandTimeout, "commandTimeout == null");
        if (commandTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("commandTimeout must be at least 1 ms, got " + commandTimeout);
        }
    }
}

package dev.parley.bootstrap.wiring;

import dev.parley.adapters.redis.RedisConnector;
import dev.parley.adapters.redis.RedisHealthProbe;
import dev.parley.bootstrap.config.InvalidConfigurationException;
import dev.parley.bootstrap.config.RedisSettings;
import dev.parley.bootstrap.config.SettingsFactory;
import dev.parley.bootstrap.metrics.ParleyMetrics;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.BeanPreDestroyEvent;
import io.micronaut.context.event.BeanPreDestroyEventListener;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Connects Parley to the Redis micronaut-redis configures: {@code redis.uri} (one Redis; also
 * {@code rediss://} for TLS and {@code redis-sentinel://} for Sentinel) gives a
 * {@link RedisClient}, {@code redis.uris} (a Redis Cluster, e.g.
 * {@code REDIS_URIS=redis://a:7000,redis://b:7001}) a {@link RedisClusterClient}. Either way
 * {@link RedisConnector} gives the client its fail-fast options (commands rejected while
 * disconnected, every command timing out after {@code parley.redis.command-timeout}, reconnects
 * within 2 s, TCP keep-alive) and opens the connections, exactly as the adapters' own tests do.
 */
@Factory
final class RedisWiring {

    static final String REDIS_URI = "redis.uri";
    static final String REDIS_URIS = "redis.uris";

    @Singleton
    ClientResourcesMutator quickReconnect() {
        return (builder, configuration) -> RedisConnector.configure(builder);
    }

    /** Only built when something needs Redis: a memory-only instance never connects. */
    @Singleton
    @Bean(preDestroy = "close")
    SharedRedis sharedRedis(BeanProvider<RedisClient> client, BeanProvider<RedisClusterClient> cluster,
            BeanProvider<AbstractRedisConfiguration> configuration, RedisSettings settings, ParleyMetrics metrics) {
        if (cluster.isPresent()) {
            String addresses = configuration.get().getUris().stream().map(RedisWiring::address).collect(Collectors.joining(","));
            return SharedRedis.open(cluster.get(), addresses, settings.commandTimeout(), metrics.redis());
        }
        if (!client.isPresent()) {
            throw new InvalidConfigurationException(REDIS_URI, "is required when " + SettingsFactory.STORAGE
                    + " is redis, e.g. redis://127.0.0.1:6379 (REDIS_URI), or " + REDIS_URIS
                    + " for a Redis Cluster, e.g. redis://a:7000,redis://b:7001 (REDIS_URIS)");
        }
        // The configuration object is itself a RedisURI with default fields; redis.uri lives in getUri().
        AbstractRedisConfiguration redis = configuration.get();
        return SharedRedis.open(client.get(), address(redis.getUri().orElse(redis)), settings.commandTimeout(), metrics.redis());
    }

    /** What {@code /health} needs to know about the Redis beyond "it answers". */
    @Singleton
    RedisHealthProbe redisHealthProbe(SharedRedis redis, RedisSettings settings) {
        return new RedisHealthProbe(redis.live(), settings.store());
    }

    /** Host and port only: a URI may hold a password. */
    private static String address(RedisURI uri) {
        if (uri.getHost() == null && !uri.getSentinels().isEmpty()) {
            return uri.getSentinels().stream().map(s -> s.getHost() + ":" + s.getPort()).collect(Collectors.joining(","))
                    + " (sentinels)";
        }
        return uri.getHost() + ":" + uri.getPort();
    }

    /**
     * Shuts the client's thread pools down with it. micronaut-redis-lettuce builds a
     * {@code ClientResources} for the client and creates the client over it as shared resources,
     * which {@code shutdown()} leaves running; nothing else owns them. Shutting the client first
     * (Micronaut's own shutdown of it, after this, is then a no-op) lets its connections close
     * before their event loops stop.
     *
     * <p>This holds while Parley defines no {@code ClientResources} bean: with one, micronaut-redis
     * would derive each client's resources from it by {@code mutate()}, sharing its event loops, and
     * shutting one client's resources would stop the others'. Revisit this listener before adding one.
     */
    @Singleton
    static final class ClientResourcesShutdown implements BeanPreDestroyEventListener<AbstractRedisClient> {

        @Override
        public AbstractRedisClient onPreDestroy(BeanPreDestroyEvent<AbstractRedisClient> event) {
            AbstractRedisClient client = event.getBean();
            try {
                client.shutdown();
            } finally {
                client.getResources().shutdown();
            }
            return client;
        }
    }

    /** Applies the fail-fast options before any connection is made from the client, the framework's health check's included. */
    @Singleton
    static final class FailFastRedisClient implements BeanCreatedEventListener<RedisClient> {

        private final RedisSettings settings;

        FailFastRedisClient(RedisSettings settings) {
            this.settings = settings;
        }

        @Override
        public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
            RedisConnector.configure(event.getBean(), settings.commandTimeout());
            return event.getBean();
        }
    }

    /** {@link FailFastRedisClient} for a cluster client. */
    @Singleton
    static final class FailFastRedisClusterClient implements BeanCreatedEventListener<RedisClusterClient> {

        private final RedisSettings settings;

        FailFastRedisClusterClient(RedisSettings settings) {
            this.settings = settings;
        }

        @Override
        public RedisClusterClient onCreated(BeanCreatedEvent<RedisClusterClient> event) {
            RedisConnector.configure(event.getBean(), settings.commandTimeout());
            return event.getBean();
        }
    }
}

package dev.parley.bootstrap.wiring;

import dev.parley.adapters.redis.RedisConnector;
import dev.parley.bootstrap.config.RedisSettings;
import io.lettuce.core.RedisClient;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.event.BeanPreDestroyEvent;
import io.micronaut.context.event.BeanPreDestroyEventListener;
import jakarta.inject.Singleton;

/**
 * Makes the {@link RedisClient} that micronaut-redis builds from {@code redis.uri} fail fast:
 * commands are rejected while disconnected instead of queuing without bound, every command times
 * out ({@code parley.redis.command-timeout}, 2 s), and reconnection retries within 2 s. Without
 * this, Lettuce's defaults would let a cooldown check run minutes late after an outage.
 */
@Factory
final class RedisWiring {

    @Singleton
    ClientResourcesMutator quickReconnect() {
        return (builder, configuration) -> builder.reconnectDelay(RedisConnector.reconnectDelay());
    }

    /**
     * Shuts the client's thread pools down with it. micronaut-redis-lettuce builds a
     * {@code ClientResources} for the client and creates the client over it as shared resources,
     * which {@link RedisClient#shutdown()} leaves running; nothing else owns them. Shutting the
     * client first (Micronaut's own shutdown of it, after this, is then a no-op) lets its
     * connections close before their event loops stop.
     *
     * <p>This holds while Parley defines no {@code ClientResources} bean: with one, micronaut-redis
     * would derive each client's resources from it by {@code mutate()}, sharing its event loops, and
     * shutting one client's resources would stop the others'. Revisit this listener before adding one.
     */
    @Singleton
    static final class ClientResourcesShutdown implements BeanPreDestroyEventListener<RedisClient> {

        @Override
        public RedisClient onPreDestroy(BeanPreDestroyEvent<RedisClient> event) {
            RedisClient client = event.getBean();
            try {
                client.shutdown();
            } finally {
                client.getResources().shutdown();
            }
            return client;
        }
    }

    /** Applies the fail-fast options before any connection is made from the client. */
    @Singleton
    static final class FailFastRedisClient implements BeanCreatedEventListener<RedisClient> {

        private final RedisSettings settings;

        FailFastRedisClient(RedisSettings settings) {
            this.settings = settings;
        }

        @Override
        public RedisClient onCreated(BeanCreatedEvent<RedisClient> event) {
            RedisClient client = event.getBean();
            client.setOptions(RedisConnector.clientOptions(settings.commandTimeout()));
            return client;
        }
    }
}

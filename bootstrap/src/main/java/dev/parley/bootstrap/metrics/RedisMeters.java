package dev.parley.bootstrap.metrics;

import dev.parley.adapters.redis.RedisObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * What the Redis adapters report, as counters: failed commands by operation (a fixed set of
 * names) and failure, dead letters and conversations that expired before any sweeper archived them.
 */
final class RedisMeters implements RedisObserver {

    private final MeterRegistry registry;
    private final Counter deadLettered;
    private final Counter expiredUnarchived;

    RedisMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry == null");
        this.deadLettered = Counter.builder("parley.sweeper.dead.lettered")
                .description("Idle conversations no instance could read back, set aside for an operator (Redis)").register(registry);
        this.expiredUnarchived = Counter.builder("parley.sweeper.expired.unarchived")
                .description("Idle conversations whose Redis keys expired before any sweeper archived them (lost)").register(registry);
    }

    @Override
    public void commandFailed(String operation, Failure failure) {
        // Registered on first use (a fixed set of operations and failures); the registry finds it again by name and tags.
        Counter.builder("parley.redis.command.failures").description("Redis commands that failed, by operation and failure")
                .tags("operation", operation, "failure", Meters.label(failure)).register(registry).increment();
    }

    @Override
    public void deadLettered() {
        deadLettered.increment();
    }

    @Override
    public void expiredUnarchived(long count) {
        expiredUnarchived.increment(count);
    }
}

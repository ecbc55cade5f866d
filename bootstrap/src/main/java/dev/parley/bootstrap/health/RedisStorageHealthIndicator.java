package dev.parley.bootstrap.health;

import dev.parley.adapters.redis.RedisHealthProbe;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.config.StorageKind;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * {@code /health}'s {@code redis_storage} check, with {@code parley.storage=redis}: the Redis
 * cannot silently lose conversations. DOWN when a server's {@code maxmemory-policy} is not
 * {@code noeviction} (an evicting Redis drops keys when full, and every live key carries a TTL,
 * so even the {@code volatile-*} policies may drop a live conversation or a claim); the details
 * give each server's policy and memory use, and how many claims were set aside as dead letters
 * (conversations no instance could read back; they wait for an operator). The framework's own
 * {@code redis} check says whether Redis answers at all.
 */
@Singleton
final class RedisStorageHealthIndicator implements HealthIndicator {

    static final String NAME = "redis_storage";

    private final ParleySettings settings;
    private final BeanProvider<RedisHealthProbe> probe;

    RedisStorageHealthIndicator(ParleySettings settings, BeanProvider<RedisHealthProbe> probe) {
        this.settings = settings;
        this.probe = probe;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (settings.storage() != StorageKind.REDIS) {
            return Publishers.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        HealthStatus status;
        try {
            RedisHealthProbe.Report report = probe.get().report();
            List<Map<String, Object>> servers = new ArrayList<>();
            for (RedisHealthProbe.Node node : report.nodes()) {
                Map<String, Object> server = new LinkedHashMap<>();
                server.put("address", node.address());
                server.put("maxmemory_policy", node.maxmemoryPolicy());
                server.put("used_memory", node.usedMemory());
                server.put("maxmemory", node.maxMemory());
                servers.add(server);
            }
            details.put("servers", servers);
            details.put("dead_letters", report.deadLetters());
            if (report.evictionSafe()) {
                status = HealthStatus.UP;
            } else {
                details.put("error", "maxmemory-policy must be " + RedisHealthProbe.SAFE_POLICY + ": any other policy lets a full"
                        + " Redis evict live conversations and claims, which are then lost (CONFIG SET maxmemory-policy noeviction)");
                status = HealthStatus.DOWN;
            }
        } catch (RuntimeException e) {
            details.put("error", e.getMessage());
            status = HealthStatus.DOWN;
        }
        return Publishers.just(HealthResult.builder(NAME, status).details(details).build());
    }
}

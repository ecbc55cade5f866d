package dev.parley.bootstrap.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /health}'s {@code redis_storage} check: a Redis whose memory policy could evict live
 * conversations makes Parley report DOWN, saying which policy it needs; a safe one reports its
 * memory use and the dead letters.
 */
class RedisHealthTest {

    private static Map<String, Object> redis(String uri) {
        return Map.of("parley.storage", "redis", "redis.uri", uri, "parley.redis.key-prefix", "health");
    }

    @Test
    void anEvictingMemoryPolicyMakesTheServiceUnhealthyAndNamesThePolicyItNeeds() {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null, List.of("--maxmemory-policy", "volatile-lru"));
                RunningParley parley = RunningParley.start(redis(server.uri()))) {
            ApiClient.Reply health = parley.client().get("/health");

            assertThat(health.status()).isEqualTo(503);
            JsonNode check = health.json().at("/details/redis_storage");
            assertThat(check.get("status").asText()).isEqualTo("DOWN");
            assertThat(check.at("/details/servers/0/maxmemory_policy").asText()).isEqualTo("volatile-lru");
            assertThat(check.at("/details/error").asText()).contains("maxmemory-policy must be noeviction");
        }
    }

    @Test
    void aSafeRedisIsHealthyAndReportsItsMemoryAndDeadLetters() {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                RunningParley parley = RunningParley.start(redis(server.uri()))) {
            ApiClient.Reply health = parley.client().get("/health");

            assertThat(health.status()).isEqualTo(200);
            JsonNode check = health.json().at("/details/redis_storage");
            assertThat(check.get("status").asText()).isEqualTo("UP");
            assertThat(check.at("/details/servers/0/maxmemory_policy").asText()).isEqualTo("noeviction");
            assertThat(check.at("/details/servers/0/used_memory").asLong()).isPositive();
            assertThat(check.at("/details/dead_letters").asLong()).isZero();
        }
    }

    @Test
    void aMemoryOnlyServiceHasNoRedisCheck() {
        try (RunningParley parley = RunningParley.start(Map.of())) {
            assertThat(parley.client().get("/health").json().at("/details/redis_storage").isMissingNode()).isTrue();
        }
    }
}

package dev.parley.bootstrap.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapters.redis.testing.RedisCluster;
import dev.parley.bootstrap.http.RunningParley;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Parley on a Redis Cluster configured the micronaut-redis way ({@code redis.uris}), unchanged
 * otherwise: conversations, the gate, the roster and the health checks work across its masters.
 */
class ClusterStorageTest {

    @Test
    void twoInstancesOnAClusterShareConversationsTheGateAndTheRoster() {
        String prefix = "cluster-" + UUID.randomUUID();
        Map<String, Object> config = Map.of("parley.storage", "redis", "redis.uris", RedisCluster.shared().urisJoined(),
                "parley.redis.key-prefix", prefix, "parley.redis.shards", "5");
        try (RunningParley a = RunningParley.start(config); RunningParley b = RunningParley.start(config)) {
            for (int i = 0; i < 10; i++) {
                String thread = Integer.toString(1_234_567_000 + i);
                assertThat(a.client().post("/conversations", "{\"thread_id\": \"" + thread + "\", \"guild_id\": \"987654321\","
                        + " \"guild_name\": \"g\", \"requester\": \"123456789012345678\"}").status()).isEqualTo(201);
                assertThat(b.client().post("/conversations/" + thread + "/messages", "{\"message_type\": \"chat\","
                        + " \"message_content\": \"through b\", \"meta\": {\"requester\": \"123456789012345678\"}}").status()).isEqualTo(201);
            }
            assertThat(a.client().get("/conversations").json().get("conversations")).hasSize(10);
            assertThat(a.client().get("/conversations/1234567003").json().at("/history/0/message_content").asText()).isEqualTo("through b");

            String ask = "{\"avatar_id\": \"%s\", \"trigger_message_id\": \"5001\"}";
            assertThat(a.client().post("/channels/100/replies", ask.formatted("alice")).json().get("admitted").asBoolean()).isTrue();
            assertThat(b.client().post("/channels/100/replies", ask.formatted("bob")).json().get("reason").asText())
                    .isEqualTo("bot_reply_cooldown");
            b.client().post("/channels/100/avatars/alice/activate", "");
            assertThat(a.client().get("/channels/100/avatars").json().at("/active/0/avatar_id").asText()).isEqualTo("alice");

            JsonNode health = a.client().get("/health").json();
            assertThat(health.get("status").asText()).isEqualTo("UP");
            assertThat(health.at("/details/redis_storage/details/servers")).hasSize(3);
        }
    }

    @Test
    void stoppingTheServiceStopsTheClusterClientsThreadPools() {
        RunningParley parley = RunningParley.start(Map.of("parley.storage", "redis", "redis.uris", RedisCluster.shared().urisJoined()));
        ClientResources resources;
        try {
            resources = parley.context().getBean(RedisClusterClient.class).getResources();
            assertThat(resources.eventExecutorGroup().isShuttingDown()).isFalse();
        } finally {
            parley.close();
        }

        assertThat(resources.eventExecutorGroup().isShuttingDown()).as("Lettuce's computation threads").isTrue();
    }
}

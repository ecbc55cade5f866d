package dev.parley.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import dev.parley.bootstrap.http.TempArchive;
import dev.parley.bootstrap.testing.PendingArchiving;
import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** {@code parley.storage=redis}: two services sharing one Redis behave as one. */
class RedisStorageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Map<String, Object> redis(String uri, String prefix, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("parley.storage", "redis");
        properties.put("redis.uri", uri);
        properties.put("parley.redis.key-prefix", prefix);
        return properties;
    }

    private static String create(String thread) {
        return "{\"thread_id\": \"" + thread + "\", \"guild_id\": \"987654321\", \"guild_name\": \"My Discord Server\","
                + " \"requester\": \"123456789012345678\"}";
    }

    private static String chat(String text) {
        return "{\"message_type\": \"chat\", \"message_content\": \"" + text + "\", \"meta\": {\"requester\": \"123456789012345678\"}}";
    }

    @Test
    void aConversationCreatedThroughOneInstanceIsSharedWithTheOther() {
        String prefix = "shared-" + UUID.randomUUID();
        try (RunningParley a = RunningParley.start(redis(RedisServer.shared().uri(), prefix, Map.of()));
                RunningParley b = RunningParley.start(redis(RedisServer.shared().uri(), prefix, Map.of()))) {
            assertThat(a.client().post("/conversations", create("1234567890")).status()).isEqualTo(201);
            assertThat(b.client().post("/conversations/1234567890/messages", chat("through b")).status()).isEqualTo(201);
            assertThat(a.client().post("/conversations/1234567890/messages", chat("through a")).status()).isEqualTo(201);
            assertThat(b.client().post("/conversations", create("1234567890")).status()).as("one conversation per thread, across instances")
                    .isEqualTo(409);

            for (ApiClient api : List.of(a.client(), b.client())) {
                JsonNode conversation = api.get("/conversations/1234567890").json();
                assertThat(conversation.at("/history/0/message_content").asText()).isEqualTo("through b");
                assertThat(conversation.at("/history/1/message_content").asText()).isEqualTo("through a");
            }
            assertThat(a.client().get("/health").json().at("/details/storage/details/kind").asText()).isEqualTo("redis");
        }
    }

    @Test
    void stoppingTheServiceStopsTheRedisClientsThreadPools() {
        RunningParley parley = RunningParley.start(redis(RedisServer.shared().uri(), "pools-" + UUID.randomUUID(), Map.of()));
        ClientResources resources;
        try {
            resources = parley.context().getBean(RedisClient.class).getResources();
            assertThat(resources.eventExecutorGroup().isShuttingDown()).isFalse();
        } finally {
            parley.close();
        }

        assertThat(resources.eventExecutorGroup().isShuttingDown()).as("Lettuce's computation threads").isTrue();
    }

    @Test
    void idleConversationsAreArchivedExactlyOnceWhileBothInstancesSweep() throws Exception {
        String prefix = "sweep-" + UUID.randomUUID();
        Path archive = TempArchive.create();
        // Each conversation's create and first message must fall within one idle time.
        Map<String, Object> fast = Map.of("parley.conversations.idle-time", "5s", "parley.conversations.sweep-interval", "50ms",
                "parley.archive.directory", archive.toString());
        try (RunningParley a = RunningParley.start(redis(RedisServer.shared().uri(), prefix, fast));
                RunningParley b = RunningParley.start(redis(RedisServer.shared().uri(), prefix, fast))) {
            int conversations = 20;
            for (int i = 0; i < conversations; i++) {
                RunningParley through = i % 2 == 0 ? a : b;
                String thread = String.valueOf(5_000 + i);
                assertThat(through.client().post("/conversations", create(thread).replace("123456789012345678", thread + "1"))
                        .status()).isEqualTo(201);
                assertThat(through.client().post("/conversations/" + thread + "/messages", chat("m" + i)).status()).isEqualTo(201);
            }

            // Done when Redis holds nothing left to archive: no live conversation, no claim unacknowledged.
            awaitUntil(() -> PendingArchiving.count(RedisServer.shared().uri(), prefix) == 0);

            List<String> files = TempArchive.files(archive);
            assertThat(files).hasSize(conversations);
            for (String file : files) {
                assertThat(Files.readString(archive.resolve(file))).contains("\"message_content\": \"m");
            }
            assertThat(a.client().get("/conversations").json().at("/conversations").size()).isZero();
        } finally {
            TempArchive.delete(archive);
        }
    }

    @Test
    void theReplyGateAndRosterAreSharedByBothInstances() {
        String prefix = "gate-" + UUID.randomUUID();
        try (RunningParley a = RunningParley.start(redis(RedisServer.shared().uri(), prefix, Map.of()));
                RunningParley b = RunningParley.start(redis(RedisServer.shared().uri(), prefix, Map.of()))) {
            String ask = "{\"avatar_id\": \"%s\", \"trigger_message_id\": \"5001\"}";
            JsonNode first = a.client().post("/channels/100/replies", ask.formatted("alice")).json();
            JsonNode second = b.client().post("/channels/100/replies", ask.formatted("bob")).json();
            JsonNode third = a.client().post("/channels/100/replies", ask.formatted("carol")).json();

            assertThat(first.get("admitted").asBoolean()).isTrue();
            assertThat(second.get("reason").asText()).as("the bot-reply cooldown taken through a").isEqualTo("bot_reply_cooldown");
            assertThat(third.get("reason").asText()).isEqualTo("responders_full");
            assertThat(a.client().post("/narratives/slot", "").json().get("admitted").asBoolean()).isTrue();
            assertThat(b.client().post("/narratives/slot", "").json().get("reason").asText()).isEqualTo("narrative_cooldown");

            for (int i = 1; i <= 9; i++) {
                (i % 2 == 0 ? a : b).client().post("/channels/200/avatars/avatar-" + i + "/activate", "");
            }
            JsonNode listed = a.client().get("/channels/200/avatars").json();
            assertThat(listed.get("active")).hasSize(8);
            assertThat(listed.at("/active/0/avatar_id").asText()).isEqualTo("avatar-9");
        }
    }

    @Test
    void stoppingOneInstanceLeavesItsConversationsInRedisForTheOthers() {
        String prefix = "stop-" + UUID.randomUUID();
        try (RunningParley a = RunningParley.start(redis(RedisServer.shared().uri(), prefix, Map.of()));
                RunningParley b = RunningParley.start(redis(RedisServer.shared().uri(), prefix, Map.of()))) {
            assertThat(a.client().post("/conversations", create("1234567890")).status()).isEqualTo(201);
            assertThat(a.client().post("/conversations/1234567890/messages", chat("before the stop")).status()).isEqualTo(201);

            a.stop();

            assertThat(TempArchive.files(a.archive())).as("not archived early, nor twice later").isEmpty();
            JsonNode survivor = b.client().get("/conversations/1234567890").json();
            assertThat(survivor.at("/history/0/message_content").asText()).isEqualTo("before the stop");
        }
    }

    @Test
    void redisGoingAwayAnswers503AndTheServiceRecoversWhenItReturns() throws Exception {
        try (RedisServer own = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                RunningParley parley = RunningParley.start(redis(own.uri(), "outage", Map.of()))) {
            ApiClient api = parley.client();
            assertThat(api.post("/conversations", create("1234567890")).status()).isEqualTo(201);

            own.stop();
            ApiClient.Reply down = api.get("/conversations/1234567890");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.errorCode()).isEqualTo("storage_unavailable");
            assertThat(down.json().get("message").asText()).contains("nothing was changed");
            assertThat(api.post("/conversations", create("1234567891")).status()).isEqualTo(503);
            ApiClient.Reply roster = api.post("/channels/700/avatars/echo/activate", "");
            assertThat(roster.status()).as(roster.body()).isEqualTo(503);
            assertThat(roster.json().get("message").asText()).as("the roster's 503 tells what to retry")
                    .doesNotContain("append").doesNotContain("message_id").contains("retry the request");
            ApiClient.Reply append = api.post("/conversations/1234567890/messages",
                    "{\"message_type\": \"chat\", \"message_content\": \"x\", \"message_id\": \"5\"}");
            assertThat(append.status()).isEqualTo(503);
            assertThat(append.json().get("message").asText()).contains("same message_id");
            assertThat(api.get("/health").status()).isEqualTo(503);

            own.restart();
            awaitUntil(() -> api.post("/conversations", create("1234567892")).status() == 201);
            assertThat(api.get("/conversations/1234567892").status()).isEqualTo(200);
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within %s", PATIENCE).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}

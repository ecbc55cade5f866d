package dev.parley.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.ArchivePages;
import dev.parley.bootstrap.http.RunningParley;
import dev.parley.bootstrap.http.TempArchive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Idle expiry through the API, the save on shutdown, and the health checks. */
class LifecycleTest {

    /** How long to wait for the sweeper; only a failing run waits it out, so it is generous. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void anIdleConversationIsArchivedAndLeavesLiveState() {
        try (RunningParley parley = RunningParley.start(Map.of(
                "parley.conversations.idle-time", "1s", "parley.conversations.sweep-interval", "50ms"))) {
            ApiClient api = parley.client();
            api.post("/conversations", create("1234567890"));
            assertThat(api.post("/conversations/1234567890/messages", "{\"message_type\": \"chat\", \"message_content\": \"hi\"}")
                    .status()).isEqualTo(201);

            awaitUntil(() -> api.head("/conversations/1234567890").status() == 404);

            assertThat(api.get("/conversations/1234567890").errorCode()).isEqualTo("conversation_not_found");
            awaitUntil(() -> TempArchive.files(parley.archive()).size() == 1);
            JsonNode listing = ArchivePages.complete(api, "/archive");
            assertThat(listing.at("/items/0/thread_id").asText()).isEqualTo("1234567890");
            assertThat(listing.at("/items/0/message_count").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anIdleConversationIsDiscardedWithoutAFileUnderTheDiscardStrategy() {
        try (RunningParley parley = RunningParley.start(Map.of("parley.conversations.idle-time", "1s",
                "parley.conversations.sweep-interval", "50ms", "parley.conversations.cleanup", "discard"))) {
            ApiClient api = parley.client();
            api.post("/conversations", create("1234567890"));

            awaitUntil(() -> api.head("/conversations/1234567890").status() == 404);

            assertThat(TempArchive.files(parley.archive())).isEmpty();
        }
    }

    @Test
    void aMessageKeepsAConversationAlivePastItsFirstIdleTime() throws InterruptedException {
        try (RunningParley parley = RunningParley.start(Map.of(
                "parley.conversations.idle-time", "3s", "parley.conversations.sweep-interval", "50ms"))) {
            ApiClient api = parley.client();
            api.post("/conversations", create("1234567890"));
            // Twice the idle time, with a message every 100 ms: only a pause of almost 3 s between two
            // messages could expire it (the exact rule is proven with a controlled clock in the
            // application's tests).
            long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(api.post("/conversations/1234567890/messages", "{\"message_type\": \"chat\", \"message_content\": \"still here\"}")
                        .status()).isEqualTo(201);
                Thread.sleep(100);
            }
            assertThat(api.head("/conversations/1234567890").status()).isEqualTo(200);
        }
    }

    @Test
    void closingTheServiceSavesEveryLiveConversation() {
        try (RunningParley parley = RunningParley.start(Map.of())) {
            ApiClient api = parley.client();
            api.post("/conversations", create("1234567890"));
            api.post("/conversations", create("1234567891").replace("123456789012345678", "123456789012345679"));
            assertThat(TempArchive.files(parley.archive())).isEmpty();

            parley.stop();

            List<String> files = TempArchive.files(parley.archive());
            assertThat(files).hasSize(2);
            assertThat(files).allSatisfy(name -> assertThat(name).matches("\\d{4}-\\d{2}-\\d{2}_conversation-with-\\d+-in-987654321\\.json"));
            assertThat(files).allSatisfy(name -> assertThat(parley.archive().resolve(name).toFile().length()).isPositive());
        }
    }

    @Test
    void closingUnderTheDiscardStrategySavesNothing() {
        try (RunningParley parley = RunningParley.start(Map.of("parley.conversations.cleanup", "discard"))) {
            parley.client().post("/conversations", create("1234567890"));

            parley.stop();

            assertThat(TempArchive.files(parley.archive())).isEmpty();
        }
    }

    @Test
    void healthReportsStorageAndArchiveAndGoesDownWhenTheArchiveDirectoryIsGone() {
        try (RunningParley parley = RunningParley.start(Map.of())) {
            ApiClient api = parley.client();
            ApiClient.Reply up = api.get("/health");
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().get("status").asText()).isEqualTo("UP");
            assertThat(up.json().at("/details/storage/status").asText()).isEqualTo("UP");
            assertThat(up.json().at("/details/storage/details/kind").asText()).isEqualTo("memory");
            assertThat(up.json().at("/details/archive/status").asText()).isEqualTo("UP");
            assertThat(up.json().at("/details/archive/details/directory").asText()).isEqualTo(parley.archive().toString());

            TempArchive.delete(parley.archive());

            ApiClient.Reply down = api.get("/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
            assertThat(down.json().at("/details/archive/status").asText()).isEqualTo("DOWN");
            assertThat(down.json().at("/details/archive/details/error").asText()).contains("does not exist");
        }
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String create(String thread) {
        return "{\"thread_id\": \"" + thread + "\", \"guild_id\": \"987654321\", \"guild_name\": \"g\","
                + " \"requester\": \"123456789012345678\"}";
    }
}

package dev.parley.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import dev.parley.bootstrap.http.TempArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /prometheus} over real HTTP: what the API's requests, the idle sweeper, the language model
 * and a failing Redis did shows up in Parley's series with the right values; with an API token
 * the endpoint needs it, as every route but {@code /health} does.
 */
class MetricsTest {

    private static final String TOKEN = "metrics-token-for-tests";
    private static final String CATALOGUE = """
            avatars:
              - id: ava
                name: Ava
                personality: You are Ava, a cheerful guide.
            """;

    private static String create(String thread) {
        return "{\"thread_id\": \"" + thread + "\", \"guild_id\": \"987654321\", \"guild_name\": \"g\", \"requester\": \"123456789012345678\"}";
    }

    private static String message(String id) {
        return "{\"message_type\": \"chat\", \"message_content\": \"hello\", \"message_id\": \"" + id
                + "\", \"meta\": {\"requester\": \"123456789012345678\", \"author_name\": \"Alice\"}}";
    }

    private static String decide(String avatar, String trigger) {
        return "{\"avatar_id\": \"" + avatar + "\", \"trigger_message_id\": \"" + trigger + "\"}";
    }

    private static Path catalogue() {
        try {
            Path file = Files.createTempFile("parley-metrics-catalogue", ".yml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, CATALOGUE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theApisRequestsAndTheModelsCallsAreCountedAndTheEndpointNeedsTheToken() {
        try (FakeOpenAi model = FakeOpenAi.start();
                RunningParley parley = RunningParley.start(Map.of(
                        "parley.api.token", TOKEN,
                        "parley.avatars.max-active-per-channel", "2",
                        "parley.llm.base-url", model.baseUrl(),
                        "parley.llm.model", "fake-model",
                        "parley.llm.max-calls-per-hour", "10",
                        "parley.avatars.catalogue", catalogue().toString()))) {
            ApiClient api = parley.client(TOKEN);
            ApiClient.Reply anonymous = parley.client().get("/prometheus");
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(anonymous.errorCode()).isEqualTo("unauthorized");
            assertThat(parley.client("wrong").get("/prometheus").status()).isEqualTo(401);
            ApiClient.Reply allowed = api.get("/prometheus");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));

            Scrape before = Scrape.of(api);
            assertThat(api.post("/conversations", create("1001")).status()).isEqualTo(201);
            assertThat(api.post("/conversations", create("1001")).status()).isEqualTo(409);
            assertThat(api.post("/conversations/1001/messages", message("5001")).status()).isEqualTo(201);
            assertThat(api.post("/conversations/1001/messages", message("5001")).status()).isEqualTo(200);
            assertThat(api.post("/conversations/1001/messages", message("5002")).status()).isEqualTo(201);
            assertThat(api.post("/conversations/9999/messages", message("5003")).status()).isEqualTo(404);
            assertThat(api.post("/channels/100/replies", decide("ada", "6001")).json().path("admitted").asBoolean()).isTrue();
            assertThat(api.post("/channels/100/replies", decide("ada", "6002")).json().path("reason").asText()).isEqualTo("avatar_cooldown");
            assertThat(api.post("/channels/100/replies", decide("bob", "6001")).json().path("reason").asText()).isEqualTo("bot_reply_cooldown");
            assertThat(api.post("/narratives/slot", "").json().path("admitted").asBoolean()).isTrue();
            assertThat(api.post("/narratives/slot", "").json().path("reason").asText()).isEqualTo("narrative_cooldown");
            api.post("/channels/200/avatars/ada/activate", "");
            api.post("/channels/200/avatars/bob/activate", "");
            api.post("/channels/200/avatars/bob/touch", "");
            assertThat(api.post("/channels/200/avatars/cy/activate", "").json().path("deactivated")).hasSize(1);
            assertThat(api.post("/conversations/1001/save", "").status()).isEqualTo(200);
            Scrape after = Scrape.of(api);

            assertThat(after.since(before, "parley_conversations_started_total{outcome=\"created\"}")).isEqualTo(1);
            assertThat(after.since(before, "parley_conversations_started_total{outcome=\"already_live\"}")).isEqualTo(1);
            assertThat(after.since(before, "parley_appends_total{outcome=\"appended\"}")).isEqualTo(2);
            assertThat(after.since(before, "parley_appends_total{outcome=\"duplicate\"}")).isEqualTo(1);
            assertThat(after.since(before, "parley_appends_total{outcome=\"no_conversation\"}")).isEqualTo(1);
            assertThat(after.value("parley_conversations_live")).isEqualTo(1);
            assertThat(after.since(before, "parley_gate_decisions_total{kind=\"reply\",outcome=\"admitted\",reason=\"none\"}")).isEqualTo(1);
            assertThat(after.since(before, "parley_gate_decisions_total{kind=\"reply\",outcome=\"denied\",reason=\"avatar_cooldown\"}"))
                    .isEqualTo(1);
            assertThat(after.since(before, "parley_gate_decisions_total{kind=\"reply\",outcome=\"denied\",reason=\"bot_reply_cooldown\"}"))
                    .isEqualTo(1);
            assertThat(after.since(before, "parley_gate_decisions_total{kind=\"reply\",outcome=\"denied\",reason=\"responders_full\"}"))
                    .isZero();
            assertThat(after.since(before, "parley_gate_decisions_total{kind=\"narrative\",outcome=\"admitted\",reason=\"none\"}"))
                    .isEqualTo(1);
            assertThat(after.since(before,
                    "parley_gate_decisions_total{kind=\"narrative\",outcome=\"denied\",reason=\"narrative_cooldown\"}")).isEqualTo(1);
            assertThat(after.since(before, "parley_roster_activations_total{result=\"newly_active\"}")).isEqualTo(3);
            assertThat(after.since(before, "parley_roster_activations_total{result=\"already_active\"}")).isEqualTo(1);
            assertThat(after.since(before, "parley_roster_rotations_total")).isEqualTo(1);
            assertThat(after.since(before, "parley_archive_write_seconds_count{outcome=\"saved\"}")).isEqualTo(1);
            assertThat(after.value("parley_archive_write_seconds_bucket{outcome=\"saved\",le=\"30.0\"}")).isEqualTo(1);
            assertThat(after.value("parley_archive_index_unreadable_files")).isZero();
            assertThat(after.value("parley_model_budget_limit")).isEqualTo(10);
            assertThat(after.value("parley_model_budget_remaining")).as("no call yet").isEqualTo(10);
            assertThat(after.text()).contains("# TYPE parley_appends_total counter", "# HELP parley_appends_total Messages appended")
                    .contains("jvm_memory_used_bytes").doesNotContain(TOKEN)
                    // No thread id as a label value (a bare "1001" can occur inside a timing, e.g. 0.001001891).
                    .doesNotContain("\"1001\"");

            // The model: one reply with its tokens, one refused request.
            assertThat(api.post("/conversations", create("7007")).status()).isEqualTo(201);
            assertThat(api.post("/conversations/7007/messages", message("7101")).status()).isEqualTo(201);
            model.enqueue(FakeResponse.text("Morning!").withUsage(12, 3), FakeResponse.status(400));
            Scrape beforeModel = Scrape.of(api);
            assertThat(api.post("/channels/7007/respond", decide("ava", "7101")).json().path("admitted").asBoolean()).isTrue();
            assertThat(api.post("/channels/7007/respond", "{\"avatar_id\": \"ava\", \"trigger_message_id\": \"7101\", \"override_cooldown\": true}")
                    .json().path("admitted").asBoolean()).as("admitted, then the model refused").isFalse();
            Scrape afterModel = Scrape.of(api);

            assertThat(afterModel.since(beforeModel, "parley_model_calls_total{outcome=\"ok\"}")).isEqualTo(1);
            assertThat(afterModel.since(beforeModel, "parley_model_calls_total{outcome=\"rejected\"}")).isEqualTo(1);
            assertThat(afterModel.since(beforeModel, "parley_model_call_seconds_count")).isEqualTo(2);
            assertThat(afterModel.since(beforeModel, "parley_model_tokens_total{type=\"input\"}")).isEqualTo(12);
            assertThat(afterModel.since(beforeModel, "parley_model_tokens_total{type=\"output\"}")).isEqualTo(3);
            assertThat(afterModel.value("parley_model_budget_remaining")).isEqualTo(8);
            assertThat(afterModel.since(beforeModel, "parley_gate_releases_total")).as("the failed reply gave its admission back").isEqualTo(1);
        }
    }

    @Test
    void theSweepersClaimsArchivedConversationsAndFailedWritesAreCounted() throws Exception {
        try (RunningParley parley = RunningParley.start(Map.of(
                "parley.conversations.idle-time", "1s", "parley.conversations.sweep-interval", "50ms"))) {
            ApiClient api = parley.client();
            assertThat(api.post("/conversations", create("2001")).status()).isEqualTo(201);

            Scrape archived = Scrape.until(api, s -> s.valueOrZero("parley_sweeper_cleaned_total{outcome=\"archived\"}") == 1);
            assertThat(archived.value("parley_sweeper_claims_total")).isEqualTo(1);
            assertThat(archived.value("parley_archive_write_seconds_count{outcome=\"saved\"}")).isEqualTo(1);
            assertThat(archived.value("parley_sweeper_failed_total")).isZero();
            assertThat(archived.value("parley_conversations_live")).isZero();
            assertThat(archived.value("parley_sweeper_run_seconds_count")).isPositive();

            // The archive directory gives way to a plain file: the next idle conversation cannot be written.
            TempArchive.delete(parley.archive());
            Files.writeString(parley.archive(), "not a directory");
            assertThat(api.post("/conversations", create("2002")).status()).isEqualTo(201);

            Scrape failed = Scrape.until(api, s -> s.valueOrZero("parley_sweeper_failed_total") == 1);
            assertThat(failed.value("parley_sweeper_claims_total")).isEqualTo(2);
            assertThat(failed.value("parley_archive_write_seconds_count{outcome=\"failed\"}")).isEqualTo(1);
            assertThat(failed.value("parley_sweeper_cleaned_total{outcome=\"archived\"}")).as("not acknowledged").isEqualTo(1);
            Files.delete(parley.archive());
            Files.createDirectories(parley.archive());
        }
    }

    @Test
    void aHungRedisCountsTimedOutCommandsByOperation() throws Exception {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                RunningParley parley = RunningParley.start(Map.of("parley.storage", "redis", "redis.uri", server.uri(),
                        "parley.redis.command-timeout", "300ms"))) {
            ApiClient api = parley.client();
            assertThat(api.post("/conversations", create("3001")).status()).isEqualTo(201);
            assertThat(Scrape.of(api).value("parley_conversations_live")).isEqualTo(1);

            server.pause();
            try {
                assertThat(api.get("/conversations/3001").status()).isEqualTo(503);
            } finally {
                server.resume();
            }
            Scrape scrape = Scrape.of(api);

            assertThat(scrape.value("parley_redis_command_failures_total{failure=\"timeout\",operation=\"find\"}")).isEqualTo(1);
            assertThat(scrape.value("parley_sweeper_dead_lettered_total")).isZero();
        }
    }
}

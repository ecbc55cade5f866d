package dev.parley.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bootstrap.config.ParleySettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With an API token every route but /health needs it, and /health shows its details only to a
 * caller presenting it; without one, everything is open (on loopback).
 */
class AuthenticationTest {

    private static final String TOKEN = "s3cret-token-for-tests";
    private static final String CREATE = """
            {"thread_id": "1234567890", "guild_id": "987654321", "guild_name": "g", "requester": "123456789012345678"}""";

    @Test
    void withATokenOnlyRequestsCarryingItGetThroughAndHealthStaysOpen() {
        try (RunningParley parley = RunningParley.start(Map.of("parley.api.token", TOKEN))) {
            ApiClient anonymous = parley.client();
            ApiClient wrong = parley.client("not-the-token");
            ApiClient right = parley.client(TOKEN);

            ApiClient.Reply refused = anonymous.post("/conversations", CREATE);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo("unauthorized");
            assertThat(refused.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(wrong.post("/conversations", CREATE).status()).isEqualTo(401);
            assertThat(wrong.get("/conversations").body()).doesNotContain(TOKEN);
            assertThat(anonymous.get("/nowhere").status()).isEqualTo(401);
            assertThat(anonymous.get("/openapi/parley.yml").status()).isEqualTo(401);
            assertThat(anonymous.send("GET", "/conversations", null, null, "Authorization", "Basic " + TOKEN).status())
                    .isEqualTo(401);

            assertThat(right.post("/conversations", CREATE).status()).isEqualTo(201);
            assertThat(right.get("/conversations/1234567890").status()).isEqualTo(200);
            assertThat(right.get("/openapi/parley.yml").status()).isEqualTo(200);
            assertThat(anonymous.get("/conversations").status()).isEqualTo(401);

            ApiClient.Reply health = anonymous.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.body()).doesNotContain(TOKEN).doesNotContain(parley.archive().toString());
            assertThat(health.json().get("details").isNull()).isTrue();
            assertThat(wrong.get("/health").json().get("details").isNull()).isTrue();
            ApiClient.Reply detailed = right.get("/health");
            assertThat(detailed.status()).isEqualTo(200);
            assertThat(detailed.json().at("/details/archive/details/directory").asText()).isEqualTo(parley.archive().toString());
            assertThat(detailed.json().at("/details/storage/details/live_conversations").asInt()).isEqualTo(1);
            assertThat(parley.context().getBean(ParleySettings.class).toString()).doesNotContain(TOKEN).contains("[redacted]");
        }
    }

    @Test
    void withoutATokenEveryRouteIsOpen() {
        try (RunningParley parley = RunningParley.start(Map.of())) {
            ApiClient anonymous = parley.client();

            assertThat(anonymous.post("/conversations", CREATE).status()).isEqualTo(201);
            assertThat(anonymous.get("/conversations").status()).isEqualTo(200);
            assertThat(anonymous.get("/openapi/parley.yml").body()).contains("/conversations/{thread_id}/messages");
            assertThat(anonymous.get("/health").json().at("/details/archive/details/directory").asText())
                    .isEqualTo(parley.archive().toString());
        }
    }
}

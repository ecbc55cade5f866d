package dev.parley.bootstrap.responder;

import static dev.parley.bootstrap.responder.NdjsonStream.events;
import static dev.parley.bootstrap.responder.NdjsonStream.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.bootstrap.http.RunningParley;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code parley.storage=redis}: the responder's state (conversations, gate, roster, journal, summaries, call budget) shared by two instances. */
class ResponderRedisTest {

    private static FakeOpenAi fake;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenAi.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private static Map<String, Object> redis(String prefix, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("parley.storage", "redis");
        properties.put("redis.uri", RedisServer.shared().uri());
        properties.put("parley.redis.key-prefix", prefix);
        properties.put("parley.llm.base-url", fake.baseUrl());
        properties.put("parley.llm.model", "fake-model");
        properties.put("parley.avatars.catalogue", Catalogues.temporary(Catalogues.THREE).toString());
        return properties;
    }

    private static List<JsonNode> send(RunningParley parley, String channel, String body) {
        try (NdjsonStream stream = NdjsonStream.post(parley.context().getBean(EmbeddedServer.class).getURL(), channel, body)) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            return stream.rest();
        }
    }

    @Test
    void aReplyThroughOneInstanceIsTheOthersContextAndItsAvatarTheOthersMostRecent() {
        fake.reset();
        fake.respondWith(request -> FakeResponse.text("Reply " + request.messages().size() + "."));
        String prefix = "responder-" + UUID.randomUUID();
        try (RunningParley a = RunningParley.start(redis(prefix, Map.of()));
                RunningParley b = RunningParley.start(redis(prefix, Map.of("parley.cooldowns.bot-reply", "0",
                        "parley.cooldowns.avatar-response", "0")))) {
            List<JsonNode> first = send(a, "8001", message("1001", "Alice", "hello Bob"));
            assertThat(events(first)).containsExactly("recorded", "activated", "reply", "done");

            List<JsonNode> second = send(b, "8001", message("1002", "Alice", "and what else?"));

            assertThat(events(second)).as("nobody named: the channel's most recently active avatar, Bob, answers")
                    .containsExactly("recorded", "reply", "done");
            assertThat(second.get(1).path("avatar_id").asText()).isEqualTo("bob");
            assertThat(fake.lastRequest().messages()).extracting(m -> m.role() + ": " + m.content())
                    .containsSubsequence("user: Alice: hello Bob", "assistant: Reply 2.", "user: Alice: and what else?");
            JsonNode history = a.client().get("/conversations/8001").json().path("history");
            assertThat(history).extracting(m -> m.at("/meta/author_name").asText()).containsExactly("Alice", "Bob", "Alice", "Bob");
            assertThat(b.client().get("/channels/8001/avatars").json().path("active")).extracting(p -> p.path("avatar_id").asText())
                    .containsExactly("bob");
        }
    }

    @Test
    void twoInstancesShareOneCallBudget() {
        fake.reset();
        fake.respondWith(FakeResponse.text("Within budget."));
        String prefix = "budget-" + UUID.randomUUID();
        Map<String, Object> budget = Map.of("parley.llm.max-calls-per-hour", "2");
        try (RunningParley a = RunningParley.start(redis(prefix, budget));
                RunningParley b = RunningParley.start(redis(prefix, budget))) {
            List<JsonNode> one = send(a, "8101", message("1001", "Alice", "Ava?"));
            List<JsonNode> two = send(b, "8102", message("1002", "Alice", "Bob?"));
            List<JsonNode> three = send(a, "8103", message("1003", "Alice", "Cy?"));

            assertThat(events(one)).contains("reply");
            assertThat(events(two)).contains("reply");
            assertThat(events(three)).containsExactly("recorded", "activated", "skipped", "done");
            assertThat(three.get(2).path("reason").asText()).isEqualTo("budget_exhausted");
            assertThat(fake.callCount()).isEqualTo(2);
            assertThat(a.client().get("/conversations/8103").json().path("history")).hasSize(1);
        }
    }
}

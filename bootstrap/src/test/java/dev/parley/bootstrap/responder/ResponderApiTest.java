package dev.parley.bootstrap.responder;

import static dev.parley.bootstrap.responder.NdjsonStream.events;
import static dev.parley.bootstrap.responder.NdjsonStream.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The responder over real HTTP on memory storage: a bootstrapped Parley, its avatars from a
 * catalogue file, its model a fake OpenAI-compatible server on loopback.
 */
class ResponderApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static FakeOpenAi fake;
    private static RunningParley parley;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        fake = FakeOpenAi.start();
        parley = RunningParley.start(Map.of(
                "parley.llm.base-url", fake.baseUrl(),
                "parley.llm.model", "fake-model",
                "parley.llm.api-key", "sk-never-logged",
                "parley.llm.timeout", "5s",
                "parley.avatars.catalogue", Catalogues.temporary(Catalogues.THREE).toString(),
                "parley.cooldowns.bot-reply", "300ms",
                "parley.summaries.every", "4"));
        api = parley.client();
    }

    @AfterAll
    static void stop() {
        parley.close();
        fake.close();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    private static List<JsonNode> send(String channel, String body) {
        try (NdjsonStream stream = NdjsonStream.post(parley.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL(),
                channel, body)) {
            assertThat(stream.response.statusCode()).isEqualTo(200);
            assertThat(stream.response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/x-ndjson"));
            return stream.rest();
        }
    }

    private static NdjsonStream open(String channel, String body) {
        return NdjsonStream.post(parley.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getURL(), channel, body);
    }

    @Test
    void theCatalogueIsListedAndEachAvatarFound() {
        JsonNode all = api.get("/avatars").json();
        assertThat(all.path("avatars")).extracting(a -> a.path("id").asText()).containsExactly("ava", "bob", "cy");
        JsonNode ava = api.get("/avatars/ava").json();
        assertThat(ava.path("name").asText()).isEqualTo("Ava");
        assertThat(ava.path("emoji").asText()).isEqualTo("🦊");
        assertThat(ava.path("image_url").asText()).isEqualTo("https://images.example/ava.png");
        assertThat(ava.path("temperature").asDouble()).isEqualTo(0.8);
        assertThat(ava.path("max_tokens").isNull()).isTrue();
        assertThat(api.get("/avatars/bob").json().path("max_tokens").asInt()).isEqualTo(300);
        assertThat(api.get("/avatars/zed").status()).isEqualTo(404);
        assertThat(api.get("/avatars/zed").errorCode()).isEqualTo("avatar_not_found");
        assertThat(api.get("/avatars/not%20an%20id").status()).isEqualTo(400);
    }

    @Test
    void aMessageIsRecordedAnsweredAndItsEventsStreamedInOrder() {
        fake.enqueue(FakeResponse.text("<think>She greets me.</think>**Ava**: Hello Alice! Ping @everyone?"));

        List<JsonNode> lines = send("7001", message("1001", "Alice", "hi Ava"));

        assertThat(events(lines)).containsExactly("recorded", "activated", "reply", "done");
        assertThat(lines.get(0).path("message_id").asText()).isEqualTo("1001");
        assertThat(lines.get(0).path("duplicate").asBoolean()).isFalse();
        assertThat(lines.get(1).path("avatar_id").asText()).isEqualTo("ava");
        assertThat(lines.get(1).path("deactivated")).isEmpty();
        JsonNode reply = lines.get(2);
        assertThat(reply.path("avatar_id").asText()).isEqualTo("ava");
        assertThat(reply.path("name").asText()).isEqualTo("Ava");
        assertThat(reply.path("image_url").asText()).isEqualTo("https://images.example/ava.png");
        assertThat(reply.path("chunks")).extracting(JsonNode::asText).containsExactly("Hello Alice! Ping @\u200beveryone?");

        JsonNode history = api.get("/conversations/7001").json().path("history");
        assertThat(history).extracting(m -> m.path("message_type").asText()).containsExactly("chat", "thinking", "chat");
        assertThat(history.get(0).at("/meta/author_name").asText()).isEqualTo("Alice");
        assertThat(history.get(0).at("/meta/requester").asText()).isEqualTo("111");
        assertThat(history.get(0).path("message_id").asText()).isEqualTo("1001");
        assertThat(history.get(1).path("message_content").asText()).isEqualTo("She greets me.");
        assertThat(history.get(2).at("/meta/avatar_id").asText()).isEqualTo("ava");
        assertThat(history.get(2).at("/meta/author_name").asText()).isEqualTo("Ava");
        assertThat(history.get(2).at("/meta/message_ids").isMissingNode()).as("the caller posted it").isTrue();
        assertThat(fake.lastRequest().authorization()).contains("Bearer sk-never-logged");
        assertThat(fake.lastRequest().temperature()).hasValue(0.8);
    }

    @Test
    void theFirstLineArrivesBeforeASlowModelAnswers() throws Exception {
        CountDownLatch modelMayAnswer = new CountDownLatch(1);
        fake.enqueue(FakeResponse.text("Sorry, I was thinking.").heldUntil(modelMayAnswer));

        try (NdjsonStream stream = open("7002", message("1001", "Alice", "Ava, take your time"))) {
            assertThat(stream.next().path("event").asText()).isEqualTo("recorded");
            assertThat(stream.next().path("event").asText()).isEqualTo("activated");
            assertThat(fake.awaitCalls(1, PATIENCE)).isTrue();
            modelMayAnswer.countDown();
            assertThat(events(stream.rest())).containsExactly("reply", "done");
        } finally {
            modelMayAnswer.countDown();
        }
    }

    @Test
    void aSecondNamedAvatarIsPacedByTheChannelsCooldownThenAnswers() {
        fake.respondWith(request -> FakeResponse.text("Right you are."));

        List<JsonNode> lines = send("7003", message("1001", "Alice", "Bob and Cy, what do you say?"));

        assertThat(events(lines)).containsExactly("recorded", "activated", "activated", "reply", "paced", "reply", "done");
        assertThat(lines.get(3).path("avatar_id").asText()).isEqualTo("bob");
        JsonNode paced = lines.get(4);
        assertThat(paced.path("avatar_id").asText()).isEqualTo("cy");
        assertThat(paced.path("retry_after_ms").asLong()).isBetween(1L, 300L);
        assertThat(lines.get(5).path("avatar_id").asText()).isEqualTo("cy");
    }

    @Test
    void aFiveThousandCharacterReplyIsThreeChunksAndOneRecordedMessage() {
        fake.enqueue(FakeResponse.text(("A sentence of some length goes here. ".repeat(140)).strip()));

        List<JsonNode> lines = send("7004", message("1001", "Alice", "Ava, tell me everything"));

        JsonNode reply = lines.stream().filter(l -> l.path("event").asText().equals("reply")).findFirst().orElseThrow();
        assertThat(reply.path("chunks")).hasSize(3).allSatisfy(chunk -> assertThat(chunk.asText().length()).isLessThanOrEqualTo(2000));
        JsonNode history = api.get("/conversations/7004").json().path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("message_content").asText()).hasSizeGreaterThan(5000);
    }

    @Test
    void aModelFailureIsASkippedLineAndNothingIsRecorded() {
        fake.enqueue(FakeResponse.status(500), FakeResponse.status(500), FakeResponse.status(500));

        List<JsonNode> lines = send("7005", message("1001", "Alice", "Ava?"));

        assertThat(events(lines)).containsExactly("recorded", "activated", "skipped", "done");
        assertThat(lines.get(2).path("avatar_id").asText()).isEqualTo("ava");
        assertThat(lines.get(2).path("reason").asText()).isEqualTo("model_failed");
        assertThat(api.get("/conversations/7005").json().path("history")).hasSize(1);
        fake.enqueue(FakeResponse.text("Better now."));
        assertThat(api.post("/channels/7005/respond", respond("ava", "1001")).json().path("admitted").asBoolean())
                .as("the cooldowns were given back: admitted at once").isTrue();
    }

    @Test
    void aReplayedMessageIsOnlyRecordedAgain() {
        fake.enqueue(FakeResponse.text("Once."));
        send("7006", message("1001", "Alice", "Ava?"));

        List<JsonNode> replay = send("7006", message("1001", "Alice", "Ava?"));

        assertThat(events(replay)).containsExactly("recorded", "done");
        assertThat(replay.get(0).path("duplicate").asBoolean()).isTrue();
        assertThat(fake.callCount()).isEqualTo(1);
    }

    private static String respond(String avatar, String trigger) {
        return "{\"avatar_id\": \"" + avatar + "\", \"trigger_message_id\": \"" + trigger + "\", \"override_cooldown\": false}";
    }

    @Test
    void respondReturnsTheChunksAndTheRecordedMessageOrTheGatesReason() {
        assertThat(api.post("/channels/7007/respond", respond("ava", "1001")).errorCode()).isEqualTo("conversation_not_found");
        send("7007", message("1001", "Alice", "good morning"));
        fake.enqueue(FakeResponse.text("Morning!"));

        ApiClient.Reply admitted = api.post("/channels/7007/respond", respond("ava", "1001"));
        ApiClient.Reply denied = api.post("/channels/7007/respond", respond("ava", "1002"));

        assertThat(admitted.status()).isEqualTo(200);
        assertThat(admitted.json().path("admitted").asBoolean()).isTrue();
        assertThat(admitted.json().path("avatar").path("id").asText()).isEqualTo("ava");
        assertThat(admitted.json().path("avatar").path("name").asText()).isEqualTo("Ava");
        assertThat(admitted.json().path("avatar").path("image_url").asText()).isEqualTo("https://images.example/ava.png");
        assertThat(admitted.json().path("chunks")).extracting(JsonNode::asText).containsExactly("Morning!");
        assertThat(admitted.json().path("message").path("message_content").asText()).isEqualTo("Morning!");
        assertThat(admitted.json().path("message").at("/meta/avatar_id").asText()).isEqualTo("ava");
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.json().path("admitted").asBoolean()).isFalse();
        assertThat(denied.json().path("reason").asText()).isEqualTo("avatar_cooldown");
        assertThat(denied.json().path("retry_after_ms").asLong()).isBetween(1L, 5000L);
        assertThat(api.post("/channels/7007/respond", respond("zed", "1001")).errorCode()).isEqualTo("avatar_not_found");
        assertThat(api.post("/channels/7007/respond", "{\"avatar_id\": \"ava\"}").errorCode()).isEqualTo("missing_field");
    }

    @Test
    void respondAfterATimeoutAnswers504AndTheNextAskIsAdmittedAtOnce() {
        send("7008", message("1001", "Alice", "good evening"));
        fake.enqueue(FakeResponse.text("too late").after(Duration.ofSeconds(8)));

        ApiClient.Reply timedOut = api.post("/channels/7008/respond", respond("bob", "1001"));
        fake.enqueue(FakeResponse.text("Evening."));
        ApiClient.Reply again = api.post("/channels/7008/respond", respond("bob", "1001"));

        assertThat(timedOut.status()).isEqualTo(504);
        assertThat(timedOut.errorCode()).isEqualTo("model_timeout");
        assertThat(again.json().path("admitted").asBoolean()).isTrue();
        assertThat(api.get("/conversations/7008").json().path("history")).extracting(m -> m.path("message_content").asText())
                .containsExactly("good evening", "Evening.");
    }

    @Test
    void aSummaryIsWrittenAfterEnoughMessagesAndServed() {
        fake.respondWith(request -> request.systemText().contains("private summary")
                ? FakeResponse.text("Alice keeps asking Ava things.") : FakeResponse.text("Yes?"));
        assertThat(api.get("/channels/7009/summaries/ava").errorCode()).isEqualTo("summary_not_found");

        send("7009", message("1001", "Alice", "Ava, one"));
        send("7009", message("1002", "Alice", "Ava, two"));

        JsonNode summary = poll(() -> api.get("/channels/7009/summaries/ava"), reply -> reply.status() == 200).json();
        assertThat(summary.path("summary").asText()).isEqualTo("Alice keeps asking Ava things.");
        assertThat(summary.path("avatar_id").asText()).isEqualTo("ava");
        assertThat(summary.path("channel_id").asText()).isEqualTo("7009");
        assertThat(api.get("/conversations/7009").json().path("summary").asText()).isEqualTo("Alice keeps asking Ava things.");
    }

    @Test
    void narrativesAreListedPerAvatar() {
        JsonNode narratives = api.get("/avatars/cy/narratives").json();
        assertThat(narratives.path("avatar_id").asText()).isEqualTo("cy");
        assertThat(narratives.path("narratives")).isEmpty();
        assertThat(api.get("/avatars/zed/narratives").errorCode()).isEqualTo("avatar_not_found");
    }

    @Test
    void aMessagesReplyDataIsAcceptedAndReturnedInItsMeta() {
        api.post("/conversations", "{\"thread_id\": \"7011\", \"guild_id\": \"900\", \"guild_name\": \"g\", \"requester\": \"111\"}");

        ApiClient.Reply added = api.post("/conversations/7011/messages", "{\"message_type\": \"chat\", \"message_content\": \"Hi\","
                + " \"meta\": {\"author_name\": \"Ava\", \"avatar_id\": \"ava\", \"bot\": true,"
                + " \"message_ids\": [\"1311111111111111112\", \"1311111111111111113\"]}}");
        ApiClient.Reply bad = api.post("/conversations/7011/messages", "{\"message_type\": \"chat\", \"message_content\": \"Hi\","
                + " \"meta\": {\"message_ids\": [\"not-an-id\"]}}");

        assertThat(added.status()).isEqualTo(201);
        JsonNode meta = api.get("/conversations/7011").json().at("/history/0/meta");
        assertThat(meta.path("author_name").asText()).isEqualTo("Ava");
        assertThat(meta.path("avatar_id").asText()).isEqualTo("ava");
        assertThat(meta.path("bot").asBoolean()).isTrue();
        assertThat(meta.path("message_ids")).extracting(JsonNode::asText).containsExactly("1311111111111111112", "1311111111111111113");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("invalid_id");
        assertThat(bad.json().path("message").asText()).startsWith("meta.message_ids");
    }

    @Test
    void aMessageMissingAFieldIsRefusedBeforeAnythingIsRecorded() {
        ApiClient.Reply reply = api.post("/channels/7010/messages", "{\"message_id\": \"1\", \"guild_id\": \"2\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("missing_field");
        assertThat(api.get("/conversations/7010").status()).isEqualTo(404);
    }

    private static ApiClient.Reply poll(Supplier<ApiClient.Reply> call, java.util.function.Predicate<ApiClient.Reply> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        ApiClient.Reply last = call.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + ", last answer " + last.status() + " " + last.body());
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = call.get();
        }
        return last;
    }
}

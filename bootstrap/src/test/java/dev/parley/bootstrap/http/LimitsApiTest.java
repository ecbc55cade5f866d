package dev.parley.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The parley.limits.* settings at the door: each limit answers its documented error, and a refused message stores nothing. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsApiTest implements TestPropertyProvider {

    private static final String THREAD = "4242";
    private static final String MESSAGES = "/conversations/" + THREAD + "/messages";

    private final Path archive = TempArchive.create();

    @Inject
    EmbeddedServer server;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.archive.directory", archive.toString(),
                "parley.limits.message-bytes", "100",
                "parley.limits.json-depth", "3",
                "parley.limits.conversation-messages", "3",
                "parley.limits.conversation-bytes", "150");
    }

    @BeforeEach
    void aFreshConversation() {
        api = new ApiClient(server.getURL());
        api.delete("/conversations/" + THREAD);
        assertThat(api.post("/conversations", "{\"thread_id\": \"" + THREAD + "\", \"guild_id\": \"2\", \"guild_name\": \"g\","
                + " \"requester\": \"3\"}").status()).isEqualTo(201);
    }

    @AfterAll
    void removeEverything() {
        api.delete("/conversations/" + THREAD);
        TempArchive.delete(archive);
    }

    private static String chat(String text) {
        return "{\"message_type\": \"chat\", \"message_content\": \"" + text + "\"}";
    }

    private int historySize() {
        return api.get("/conversations/" + THREAD).json().get("history").size();
    }

    @Test
    void aConversationAtItsMessageLimitAnswers409AndKeepsWhatItHas() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(MESSAGES, chat("m" + i)).status()).isEqualTo(201);
        }

        ApiClient.Reply full = api.post(MESSAGES, chat("one too many"));

        assertThat(full.status()).as(full.body()).isEqualTo(409);
        assertThat(full.errorCode()).isEqualTo("conversation_full");
        assertThat(full.json().get("message").asText()).contains("limit of 3 messages").contains("nothing was stored");
        assertThat(historySize()).isEqualTo(3);
    }

    @Test
    void aMessageThatWouldTakeTheConversationOverItsByteLimitAnswers409() {
        assertThat(api.post(MESSAGES, chat("x".repeat(100))).status()).isEqualTo(201);

        ApiClient.Reply full = api.post(MESSAGES, chat("y".repeat(51)));

        assertThat(full.status()).as(full.body()).isEqualTo(409);
        assertThat(full.errorCode()).isEqualTo("conversation_full");
        assertThat(full.json().get("message").asText()).contains("150 bytes");
        assertThat(api.post(MESSAGES, chat("z".repeat(50))).status()).as("exactly at the limit").isEqualTo(201);
        assertThat(historySize()).isEqualTo(2);
    }

    @Test
    void textOverTheMessageLimitAnswers413NamingTheSetting() {
        ApiClient.Reply tooLarge = api.post(MESSAGES, chat("é".repeat(51)));

        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.errorCode()).isEqualTo("content_too_large");
        assertThat(tooLarge.json().get("message").asText())
                .isEqualTo("message_content must be at most 100 bytes of UTF-8, got 102");
        assertThat(api.post(MESSAGES, chat("é".repeat(50))).status()).isEqualTo(201);
        assertThat(historySize()).isEqualTo(1);
    }

    @Test
    void toolParametersDeeperThanTheLimitAnswer400() {
        String allowed = "{\"message_type\": \"tool_call\", \"message_content\": \"c\", \"meta\": {\"tools\": [{\"name\": \"t\","
                + " \"params\": {\"a\": {\"b\": [1]}}}]}}";
        String tooDeep = allowed.replace("[1]", "[[1]]");

        assertThat(api.post(MESSAGES, allowed).status()).isEqualTo(201);
        ApiClient.Reply refused = api.post(MESSAGES, tooDeep);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("nesting_too_deep");
        assertThat(refused.json().get("message").asText()).contains("at most 3 levels");
        assertThat(historySize()).isEqualTo(1);
    }
}

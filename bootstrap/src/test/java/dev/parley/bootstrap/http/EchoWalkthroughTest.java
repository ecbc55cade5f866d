package dev.parley.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Echo document's usage section, end to end over HTTP: create, one message of each of the four
 * types (with a tool call), get, is-thread, save, save all, remove; the archive files checked on disk.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EchoWalkthroughTest implements TestPropertyProvider {

    private static final String THREAD = "1234567890";
    private static final String OTHER_THREAD = "1234567891";
    private static final String GUILD = "987654321";
    private static final String REQUESTER = "123456789012345678";
    private static final String OTHER_USER = "987654321012345678";

    private final Path archive = TempArchive.create();

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.archive.directory", archive.toString());
    }

    @AfterAll
    void removeArchive() {
        TempArchive.delete(archive);
    }

    @Test
    void theDocumentsUsageWorksOverHttpAndLeavesTheDocumentsJsonOnDisk() throws IOException {
        ApiClient api = new ApiClient(server.getURL());

        // Creating a conversation
        ApiClient.Reply created = api.post("/conversations", create(THREAD));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("thread_id").asText()).isEqualTo(THREAD);
        assertThat(created.json().get("summary").asText()).isEmpty();
        assertThat(created.json().get("history")).isEmpty();
        assertThat(created.json().get("participants")).extracting(JsonNode::asText).containsExactly(REQUESTER);
        String day = created.json().get("created_at").asText().substring(0, 10);
        String expectedFile = day + "_conversation-with-" + REQUESTER + "-in-" + GUILD + ".json";
        assertThat(created.json().get("filename").asText()).isEqualTo(expectedFile);

        // Checking whether a thread has an active conversation
        assertThat(api.head("/conversations/" + THREAD).status()).isEqualTo(200);
        assertThat(api.head("/conversations/" + OTHER_THREAD).status()).isEqualTo(404);

        // Adding messages: a user's chat, thinking, the AI's chat, a tool call and its response
        List<String> messages = List.of(
                """
                {"created_at": "2025-11-25T10:30:00.123456", "message_type": "chat", "message_content": "Hello, Echo!",
                 "meta": {"requester": "%s"}}""".formatted(OTHER_USER),
                """
                {"message_type": "thinking", "message_content": "Let me process that request..."}""",
                """
                {"message_type": "chat", "message_content": "Hi! How can I help you today?", "meta": {}}""",
                """
                {"message_type": "tool_call", "message_content": "Calling search_documents tool",
                 "meta": {"tools": [{"name": "search_documents", "params": {"query": "python async programming", "limit": 5,
                 "weights": [0.1, 12345678901234567890123], "exact": true, "none": null}}]}}""",
                """
                {"created_at": "2025-11-25T11:30:06+01:00", "message_type": "tool_call_response",
                 "message_content": "Found 5 documents matching the query"}""");
        for (String message : messages) {
            ApiClient.Reply added = api.post("/conversations/" + THREAD + "/messages", message);
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(added.json().get("outcome").asText()).isEqualTo("appended");
        }

        // Retrieving a conversation
        JsonNode conversation = api.get("/conversations/" + THREAD).json();
        assertThat(conversation.get("history")).hasSize(5);
        assertThat(conversation.get("history")).extracting(m -> m.get("message_type").asText())
                .containsExactly("chat", "thinking", "chat", "tool_call", "tool_call_response");
        assertThat(conversation.get("participants")).extracting(JsonNode::asText).containsExactly(REQUESTER, OTHER_USER);
        assertThat(conversation.at("/history/0/created_at").asText()).isEqualTo("2025-11-25T10:30:00.123456");
        assertThat(conversation.at("/history/4/created_at").asText()).isEqualTo("2025-11-25T10:30:06.000000");
        assertThat(conversation.at("/history/3/meta/tools/0/params/limit").isInt()).isTrue();
        assertThat(conversation.at("/history/3/meta/tools/0/params/weights/0").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(conversation.at("/history/3/meta/tools/0/params/weights/1").bigIntegerValue())
                .hasToString("12345678901234567890123");
        assertThat(conversation.at("/history/3/meta/tools/0/params/none").isNull()).isTrue();

        assertThat(api.put("/conversations/" + THREAD + "/summary", "{\"summary\": \"User asked about async programming\"}").status())
                .isEqualTo(200);

        // Saving a conversation to disk
        ApiClient.Reply saved = api.post("/conversations/" + THREAD + "/save", null);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("saved").asBoolean()).isTrue();
        assertThat(saved.json().get("filename").asText()).isEqualTo(expectedFile);
        assertThat(TempArchive.files(archive)).containsExactly(expectedFile);

        JsonNode file = new ObjectMapper().readTree(Files.readString(archive.resolve(expectedFile)));
        assertThat(fieldNames(file)).containsExactly("created_at", "updated_at", "summary", "guild_id", "guild_name",
                "requester", "participants", "history", "thread_id");
        assertThat(file.get("summary").asText()).isEqualTo("User asked about async programming");
        assertThat(file.get("thread_id").asText()).isEqualTo(THREAD);
        assertThat(file.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
        assertThat(file.get("history")).extracting(m -> m.get("message_type").asText())
                .containsExactly("chat", "thinking", "chat", "tool_call", "tool_call_response");
        assertThat(fieldNames(file.at("/history/0"))).containsExactly("created_at", "message_type", "message_content", "meta");
        assertThat(file.at("/history/0/meta/requester").asText()).isEqualTo(OTHER_USER);
        assertThat(file.at("/history/1/meta").isEmpty()).isTrue();
        assertThat(file.at("/history/3/meta/tools/0/name").asText()).isEqualTo("search_documents");
        assertThat(file.at("/history/3/meta/tools/0/params/query").asText()).isEqualTo("python async programming");

        // Saving all active conversations
        assertThat(api.post("/conversations", create(OTHER_THREAD)).status()).isEqualTo(201);
        ApiClient.Reply all = api.post("/conversations/save", null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("saved").asInt()).isEqualTo(2);
        assertThat(all.json().get("failed").asInt()).isZero();
        assertThat(all.json().get("conversations")).extracting(c -> c.get("thread_id").asText()).containsExactly(THREAD, OTHER_THREAD);
        assertThat(all.json().at("/conversations/0/saved").asBoolean()).isTrue();
        assertThat(all.json().at("/conversations/0/filename").asText()).isEqualTo(expectedFile);
        assertThat(TempArchive.files(archive)).hasSize(2).contains(expectedFile);

        // The archive, read back over HTTP
        JsonNode listing = ArchivePages.complete(api, "/archive?guild_id=" + GUILD + "&participant=" + OTHER_USER + "&from=&to=");
        assertThat(listing.get("items")).extracting(c -> c.get("filename").asText()).containsExactly(expectedFile);
        assertThat(listing.get("next_cursor").isNull()).isTrue();
        JsonNode archived = api.get("/archive/" + expectedFile).json();
        assertThat(archived.get("thread_id").asText()).isEqualTo(THREAD);
        assertThat(archived.get("history")).hasSize(5);

        // Manual cleanup: removing from memory, not from the archive
        assertThat(api.delete("/conversations/" + THREAD).status()).isEqualTo(204);
        assertThat(api.get("/conversations/" + THREAD).errorCode()).isEqualTo("conversation_not_found");
        assertThat(api.head("/conversations/" + THREAD).status()).isEqualTo(404);
        assertThat(api.get("/conversations").json().get("conversations")).extracting(c -> c.get("thread_id").asText())
                .containsExactly(OTHER_THREAD);
        assertThat(TempArchive.files(archive)).contains(expectedFile);
        assertThat(api.delete("/conversations/" + OTHER_THREAD).status()).isEqualTo(204);
    }

    @Test
    void aRepeatedMessageIdIsReportedAsDuplicateAndKeptOnce() {
        ApiClient api = new ApiClient(server.getURL());
        String thread = "1234567892";
        assertThat(api.post("/conversations", create(thread)).status()).isEqualTo(201);
        String message = """
                {"message_type": "chat", "message_content": "once", "message_id": "1311111111111111111",
                 "attachments": ["https://cdn.example/a.png"], "meta": {"requester": "%s"}}""".formatted(REQUESTER);

        assertThat(api.post("/conversations/" + thread + "/messages", message).status()).isEqualTo(201);
        ApiClient.Reply again = api.post("/conversations/" + thread + "/messages", message);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("duplicate");
        JsonNode history = api.get("/conversations/" + thread).json().get("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("message_id").asText()).isEqualTo("1311111111111111111");
        assertThat(history.get(0).get("attachments")).extracting(JsonNode::asText).containsExactly("https://cdn.example/a.png");
        api.delete("/conversations/" + thread);
    }

    @Test
    void listingFiltersByGuildAndParticipant() {
        ApiClient api = new ApiClient(server.getURL());
        api.post("/conversations", create("1234567893"));
        api.post("/conversations", """
                {"thread_id": "1234567894", "guild_id": "111", "guild_name": "Other", "requester": "%s"}""".formatted(OTHER_USER));

        assertThat(api.get("/conversations?guild_id=111").json().get("conversations"))
                .extracting(c -> c.get("thread_id").asText()).containsExactly("1234567894");
        assertThat(api.get("/conversations?participant=" + REQUESTER).json().get("conversations"))
                .extracting(c -> c.get("thread_id").asText()).containsExactly("1234567893");
        assertThat(api.get("/conversations?guild_id=&participant=").json().get("conversations")).hasSize(2);
        JsonNode line = api.get("/conversations?guild_id=111").json().at("/conversations/0");
        assertThat(fieldNames(line)).containsExactly("thread_id", "guild_id", "guild_name", "requester", "created_at",
                "updated_at", "message_count");
        api.delete("/conversations/1234567893");
        api.delete("/conversations/1234567894");
    }

    private static String create(String thread) {
        return """
                {"thread_id": "%s", "guild_id": "%s", "guild_name": "My Discord Server", "requester": "%s"}"""
                .formatted(thread, GUILD, REQUESTER);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.parley.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Bad requests, one per row: each gets its status and a JSON error {@code {"error", "message"}},
 * never a 500, and leaves live state and the archive exactly as they were.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadRequestTest implements TestPropertyProvider {

    private static final String THREAD = "1234567890";
    private static final String MESSAGES = "/conversations/" + THREAD + "/messages";
    private static final String JSON = "application/json";

    private final Path archive = TempArchive.create();

    @Inject
    EmbeddedServer server;

    private ApiClient api;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("parley.archive.directory", archive.toString());
    }

    @BeforeAll
    void oneLiveConversationWithOneMessage() {
        api = new ApiClient(server.getURL());
        assertThat(api.post("/conversations", create(THREAD)).status()).isEqualTo(201);
        assertThat(api.post(MESSAGES, "{\"message_type\": \"chat\", \"message_content\": \"Hello, Echo!\"}").status()).isEqualTo(201);
    }

    @AfterAll
    void removeConversationAndArchive() {
        // Micronaut closes the context (saving live conversations) only after this: leave nothing to save.
        api.delete("/conversations/" + THREAD);
        TempArchive.delete(archive);
    }

    static Stream<Arguments> badRequests() {
        String big = "{\"message_type\": \"chat\", \"message_content\": \"" + "x".repeat(1_100_000) + "\"}";
        String overTextLimit = "{\"message_type\": \"chat\", \"message_content\": \"" + "é".repeat(131_073) + "\"}";
        return Stream.of(
                row("thread id that is not a snowflake", "POST", "/conversations", JSON, create("abc"), 400, "invalid_id"),
                row("thread id of 21 digits", "POST", "/conversations", JSON, create("123456789012345678901"), 400, "invalid_id"),
                row("thread id with a leading zero", "POST", "/conversations", JSON, create("01234567890"), 400, "invalid_id"),
                row("thread id above 2^64-1", "POST", "/conversations", JSON, create("18446744073709551616"), 400, "invalid_id"),
                row("guild name with a lone surrogate", "POST", "/conversations", JSON,
                        "{\"thread_id\": \"77\", \"guild_id\": \"2\", \"guild_name\": \"g\\ud800\", \"requester\": \"3\"}", 400,
                        "invalid_text"),
                row("guild id missing", "POST", "/conversations", JSON,
                        "{\"thread_id\": \"1\", \"guild_name\": \"g\", \"requester\": \"2\"}", 400, "missing_field"),
                row("requester as a number", "POST", "/conversations", JSON,
                        "{\"thread_id\": \"1\", \"guild_id\": \"2\", \"guild_name\": \"g\", \"requester\": 3}", 400, "wrong_type"),
                row("truncated JSON", "POST", "/conversations", JSON, "{\"thread_id\": \"1\",", 400, "malformed_json"),
                row("JSON followed by garbage", "POST", "/conversations", JSON, create("1") + " trailing", 400, "malformed_json"),
                row("body is a list", "POST", "/conversations", JSON, "[1, 2]", 400, "wrong_type"),
                row("no body", "POST", "/conversations", JSON, null, 400, "missing_body"),
                row("a JSON null body", "POST", "/conversations", JSON, "null", 400, "missing_body"),
                row("body sent as text/plain", "POST", "/conversations", "text/plain", create("1"), 415, "unsupported_media_type"),
                row("creating an existing conversation", "POST", "/conversations", JSON, create(THREAD), 409, "conversation_exists"),
                row("body over the 1 MiB limit", "POST", MESSAGES, JSON, big, 413, "payload_too_large"),
                row("unknown message type", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"shout\", \"message_content\": \"x\"}", 400, "invalid_message_type"),
                row("message type missing", "POST", MESSAGES, JSON, "{\"message_content\": \"x\"}", 400, "missing_field"),
                row("message content missing", "POST", MESSAGES, JSON, "{\"message_type\": \"chat\"}", 400, "missing_field"),
                row("message content as an object", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"chat\", \"message_content\": {\"a\": 1}}", 400, "wrong_type"),
                row("created_at that is not a timestamp", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"chat\", \"message_content\": \"x\", \"created_at\": \"yesterday\"}", 400, "invalid_timestamp"),
                row("meta.requester that is not a snowflake", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"chat\", \"message_content\": \"x\", \"meta\": {\"requester\": \"bob\"}}", 400, "invalid_id"),
                row("tools that are not a list", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"tool_call\", \"message_content\": \"x\", \"meta\": {\"tools\": \"search\"}}", 400, "wrong_type"),
                row("tool call without a name", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"tool_call\", \"message_content\": \"x\", \"meta\": {\"tools\": [{\"params\": {}}]}}", 400,
                        "missing_field"),
                row("tool call with a blank name", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"tool_call\", \"message_content\": \"x\", \"meta\": {\"tools\": [{\"name\": \" \"}]}}", 400,
                        "invalid_input"),
                row("tool params that are not an object", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"tool_call\", \"message_content\": \"x\", \"meta\": {\"tools\": [{\"name\": \"a\", \"params\": [1]}]}}",
                        400, "wrong_type"),
                row("message text with a lone surrogate", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"chat\", \"message_content\": \"a\\ud800b\"}", 400, "invalid_text"),
                row("message text ending in half a surrogate pair", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"chat\", \"message_content\": \"smile \\ud83d\"}", 400, "invalid_text"),
                row("a tool parameter key with a lone surrogate", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"tool_call\", \"message_content\": \"x\", \"meta\": {\"tools\": [{\"name\": \"a\", \"params\": {\"\\udc00\": 1}}]}}",
                        400, "invalid_text"),
                row("tool params nested 33 levels deep", "POST", MESSAGES, JSON, toolCallNested(33), 400, "nesting_too_deep"),
                row("tool params nested 5000 levels deep", "POST", MESSAGES, JSON, toolCallNested(5_000), 400, "nesting_too_deep"),
                row("message text over parley.limits.message-bytes", "POST", MESSAGES, JSON, overTextLimit, 413, "content_too_large"),
                row("summary with a lone surrogate", "PUT", "/conversations/" + THREAD + "/summary", JSON, "{\"summary\": \"\\ud800\"}",
                        400, "invalid_text"),
                row("meta.requester with a leading zero", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"chat\", \"message_content\": \"x\", \"meta\": {\"requester\": \"0123\"}}", 400, "invalid_id"),
                row("override_cooldown as the string \"true\"", "POST", "/channels/700/replies", JSON,
                        "{\"avatar_id\": \"echo\", \"trigger_message_id\": \"1\", \"override_cooldown\": \"true\"}", 400, "wrong_type"),
                row("override_cooldown as the number 1", "POST", "/channels/700/replies", JSON,
                        "{\"avatar_id\": \"echo\", \"trigger_message_id\": \"1\", \"override_cooldown\": 1}", 400, "wrong_type"),
                row("health with a selector it does not have", "GET", "/health/anything", null, null, 404, "not_found"),
                row("message id that is not a snowflake", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"chat\", \"message_content\": \"x\", \"message_id\": \"-1\"}", 400, "invalid_id"),
                row("a tool parameter too large for a number", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"tool_call\", \"message_content\": \"x\", \"meta\": {\"tools\": [{\"name\": \"a\", \"params\": {\"n\": [1e400]}}]}}",
                        400, "invalid_input"),
                row("a null tool call", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"tool_call\", \"message_content\": \"x\", \"meta\": {\"tools\": [null]}}", 400, "invalid_input"),
                row("a blank attachment", "POST", MESSAGES, JSON,
                        "{\"message_type\": \"chat\", \"message_content\": \"x\", \"attachments\": [\"\"]}", 400, "invalid_input"),
                row("message to a thread without a conversation", "POST", "/conversations/555/messages", JSON,
                        "{\"message_type\": \"chat\", \"message_content\": \"x\"}", 404, "conversation_not_found"),
                row("message to an invalid thread id", "POST", "/conversations/12a/messages", JSON,
                        "{\"message_type\": \"chat\", \"message_content\": \"x\"}", 400, "invalid_id"),
                row("get with an invalid thread id", "GET", "/conversations/1%202", null, null, 400, "invalid_id"),
                row("get a thread without a conversation", "GET", "/conversations/555", null, null, 404, "conversation_not_found"),
                row("remove a thread without a conversation", "DELETE", "/conversations/555", null, null, 404, "conversation_not_found"),
                row("remove with an invalid thread id", "DELETE", "/conversations/x", null, null, 400, "invalid_id"),
                row("save a thread without a conversation", "POST", "/conversations/555/save", null, null, 404, "conversation_not_found"),
                row("summary missing", "PUT", "/conversations/" + THREAD + "/summary", JSON, "{}", 400, "missing_field"),
                row("summary on an unknown thread", "PUT", "/conversations/555/summary", JSON, "{\"summary\": \"s\"}", 404,
                        "conversation_not_found"),
                row("listing with an invalid guild id", "GET", "/conversations?guild_id=guild", null, null, 400, "invalid_id"),
                row("listing with an invalid participant", "GET", "/conversations?participant=bob", null, null, 400, "invalid_id"),
                row("archive path traversal", "GET", "/archive/..%2F..%2Fetc%2Fpasswd", null, null, 404, "archive_file_not_found"),
                row("archive file that is not an archive", "GET", "/archive/notes.txt", null, null, 404, "archive_file_not_found"),
                row("archive file that does not exist", "GET",
                        "/archive/2025-11-25_conversation-with-1-in-2.json", null, null, 404, "archive_file_not_found"),
                row("archive listing with an impossible date", "GET", "/archive?from=2025-02-30", null, null, 400, "invalid_date"),
                row("archive listing with from after to", "GET", "/archive?from=2025-12-01&to=2025-11-01", null, null, 400,
                        "invalid_date"),
                row("archive search with a limit of 0", "GET", "/archive?limit=0", null, null, 400, "invalid_input"),
                row("archive search with a limit that is not a number", "GET", "/archive?limit=all", null, null, 400, "invalid_input"),
                row("archive search with a cursor it did not give out", "GET", "/archive?cursor=abc", null, null, 400, "invalid_cursor"),
                row("archive search for no words", "GET", "/archive?q=%20", null, null, 400, "invalid_input"),
                row("archive search by an unknown message type", "GET", "/archive?message_type=shout", null, null, 400,
                        "invalid_message_type"),
                row("archive search by an invalid requester", "GET", "/archive?requester=bob", null, null, 400, "invalid_id"),
                row("unknown route", "GET", "/nowhere", null, null, 404, "not_found"),
                row("method not allowed", "PATCH", "/conversations", JSON, "{}", 405, "method_not_allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestGetsAJsonErrorAndChangesNothing(String name, String method, String path, String contentType, String body,
            int status, String code) {
        String liveBefore = api.get("/conversations").body();
        String conversationBefore = api.get("/conversations/" + THREAD).body();
        List<String> archiveBefore = TempArchive.files(archive);

        ApiClient.Reply reply = api.send(method, path, contentType, body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
        assertThat(reply.json()).as(reply.body()).isNotNull();
        assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
        assertThat(reply.json().get("message").asText()).isNotBlank();
        assertThat(fieldCount(reply)).isEqualTo(2);
        assertThat(api.get("/conversations").body()).isEqualTo(liveBefore);
        assertThat(api.get("/conversations/" + THREAD).body()).isEqualTo(conversationBefore);
        assertThat(TempArchive.files(archive)).isEqualTo(archiveBefore);
    }

    /**
     * The served OpenAPI document declares each row's status on the row's route, so clients
     * generated from it know the errors they will meet. Statuses any route can give (an unknown
     * route, a wrong method or media type) are the document's general part, not a route's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("routeErrors")
    void theOpenApiDocumentDeclaresTheErrorOnItsRoute(String name, String method, String path, String contentType, String body,
            int status, String code) {
        Map<String, Map<String, Map<String, Object>>> paths = openApiPaths();
        String concrete = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Map<String, Object> operation = paths.entrySet().stream()
                .filter(route -> concrete.matches(route.getKey().replaceAll("\\{[^}]+}", "[^/]+")))
                .map(route -> route.getValue().get(method.toLowerCase(Locale.ROOT)))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no operation for " + method + " " + concrete + " in the OpenAPI document"));
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        assertThat(responses).as(method + " " + concrete).containsKey(Integer.toString(status));
    }

    /** Declaring a route's statuses must not cost a generated client the body of its successful answers. */
    @Test
    void everySuccessfulAnswerWithABodyHasItsSchemaInTheOpenApiDocument() {
        List<String> missing = new ArrayList<>();
        openApiPaths().forEach((path, operations) -> operations.forEach((method, operation) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.forEach((status, response) -> {
                // JSON, or another declared body (the NDJSON event stream), each with its schema.
                if (status.startsWith("2") && !status.equals("204")
                        && !(response.get("content") instanceof Map<?, ?> content && !content.isEmpty()
                                && content.values().stream().allMatch(body -> body instanceof Map<?, ?> media && media.get("schema") != null))) {
                    missing.add(method.toUpperCase(Locale.ROOT) + " " + path + " " + status);
                }
            });
        }));

        assertThat(missing).as("successful answers without a JSON schema").isEmpty();
    }

    /** The rows whose error belongs to their route, not to every route. */
    static Stream<Arguments> routeErrors() {
        Set<String> anyRoute = Set.of("not_found", "method_not_allowed", "unsupported_media_type");
        return badRequests().filter(row -> !anyRoute.contains((String) row.get()[6]));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Map<String, Object>>> openApiPaths() {
        ApiClient.Reply document = api.get("/openapi/parley.yml");
        assertThat(document.status()).isEqualTo(200);
        Map<String, Object> root = new Yaml().load(document.body());
        return (Map<String, Map<String, Map<String, Object>>>) root.get("paths");
    }

    @Test
    void aClientThatDoesNotAcceptJsonGetsNotAcceptableAsJson() {
        ApiClient.Reply reply = api.send("GET", "/conversations/" + THREAD, null, null, "Accept", "application/xml");

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.errorCode()).isEqualTo("not_acceptable");
    }

    @Test
    void anArchiveNameThatIsADirectoryOrASymbolicLinkIsNotFound() throws java.io.IOException {
        String directoryName = "2025-11-20_conversation-with-1-in-2.json";
        String linkName = "2025-11-21_conversation-with-1-in-2.json";
        java.nio.file.Files.createDirectory(archive.resolve(directoryName));
        java.nio.file.Files.createSymbolicLink(archive.resolve(linkName), archive.resolve(directoryName));
        try {
            for (String name : List.of(directoryName, linkName)) {
                ApiClient.Reply reply = api.get("/archive/" + name);

                assertThat(reply.status()).as(reply.body()).isEqualTo(404);
                assertThat(reply.errorCode()).isEqualTo("archive_file_not_found");
            }
        } finally {
            java.nio.file.Files.delete(archive.resolve(linkName));
            java.nio.file.Files.delete(archive.resolve(directoryName));
        }
    }

    @Test
    void headersOverTheServersLimitGet431SayingSoNotBlamingTheBody() {
        ApiClient.Reply reply = api.send("GET", "/conversations/" + THREAD, null, null, "X-Padding", "x".repeat(100_000));

        assertThat(reply.status()).as(reply.body()).isEqualTo(431);
        assertThat(reply.errorCode()).isEqualTo("headers_too_large");
        assertThat(reply.json().get("message").asText()).contains("headers").doesNotContain("body");
    }

    @Test
    void aUrlOverTheServersLimitGets414SayingSoNotBlamingTheBody() {
        ApiClient.Reply reply = api.get("/conversations/" + "1".repeat(10_000));

        assertThat(reply.status()).as(reply.body()).isEqualTo(414);
        assertThat(reply.errorCode()).isEqualTo("uri_too_long");
        assertThat(reply.json().get("message").asText()).contains("URL").doesNotContain("body");
    }

    @Test
    void aRequestFromAWebPageOnAnotherSiteGets403SayingWhy() {
        ApiClient.Reply reply = api.send("GET", "/conversations", null, null, "Origin", "https://evil.example");

        assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(JSON));
        assertThat(reply.errorCode()).isEqualTo("forbidden_origin");
        assertThat(reply.json().get("message").asText()).contains("\"https://evil.example\"").contains("Origin");
        assertThat(api.send("GET", "/conversations", null, null, "Origin", "http://localhost:3000").status())
                .as("a page served from this machine").isEqualTo(200);
    }

    private static int fieldCount(ApiClient.Reply reply) {
        int[] count = {0};
        reply.json().fieldNames().forEachRemaining(name -> count[0]++);
        return count[0];
    }

    private static Arguments row(String name, String method, String path, String contentType, String body, int status, String code) {
        return Arguments.of(name, method, path, contentType, body, status, code);
    }

    /** A tool call whose params nest {@code depth} levels deep (the params object is level 1). */
    private static String toolCallNested(int depth) {
        String params = "{\"k\": ".repeat(depth - 1) + "{\"k\": 1}" + "}".repeat(depth - 1);
        return "{\"message_type\": \"tool_call\", \"message_content\": \"x\", \"meta\": {\"tools\": [{\"name\": \"a\", \"params\": "
                + params + "}]}}";
    }

    private static String create(String thread) {
        return "{\"thread_id\": \"" + thread + "\", \"guild_id\": \"987654321\", \"guild_name\": \"My Discord Server\","
                + " \"requester\": \"123456789012345678\"}";
    }
}

package dev.parley.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /archive} over HTTP on an archive of a few hundred conversations (written as files
 * before the start, so the index builds itself from them, plus a few saved through the API): each
 * filter, full text with snippets, paging with {@code limit} and {@code cursor}, and the inputs it
 * refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveSearchApiTest {

    private static final int GENERATED = 300;
    private static final Instant FIRST_CREATED = Instant.parse("2025-11-01T00:00:00Z");
    /** Two generated conversations share each creation time, so the order's tie-break (file name) is exercised. */
    private static final Duration BETWEEN_PAIRS = Duration.ofMinutes(137);
    private static final String[] GUILDS = {"111", "222", "333"};
    private static final String API_GUILD = "987654321";
    private static final String API_REQUESTER = "123456789012345678";
    /** Newest first; equal creation times by file name, descending. */
    private static final Comparator<Archived> NEWEST_FIRST = Comparator.comparing(Archived::createdAt)
            .thenComparing(Archived::fileName).reversed();

    /** What the test knows of one archived conversation, to compute what each search must answer. */
    private record Archived(String fileName, String guild, String requester, List<String> participants, Instant createdAt,
            Set<MessageType> types) {

        LocalDate createdOn() {
            return LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
        }
    }

    private final List<Archived> archived = new ArrayList<>();
    private RunningParley parley;
    private ApiClient api;
    private String deployFile;
    private String cafeFile;
    private String penguinFile;

    @BeforeAll
    void anArchiveOfAFewHundredConversations() {
        Path directory = TempArchive.create();
        for (int i = 0; i < GENERATED; i++) {
            Conversation conversation = generated(i);
            archived.add(new Archived(ArchiveFiles.write(directory, conversation), conversation.guildId().value(),
                    conversation.requester().value(), conversation.participants().stream().map(UserId::value).toList(),
                    conversation.createdAt(), types(conversation)));
        }
        parley = RunningParley.start(directory, Map.of());
        api = parley.client();
        deployFile = saveThroughTheApi("2001", "Deploy of the billing service failed",
                message("chat", "the deploy failed at step three", API_REQUESTER),
                message("thinking", "maybe the cache is stale", null));
        cafeFile = saveThroughTheApi("2002", "", message("chat", "A Café au lait recipe, please", API_REQUESTER));
        penguinFile = saveThroughTheApi("2003", "", message("thinking", "a secret plan about penguins", null),
                message("chat", "nothing to see here", API_REQUESTER));
        ArchivePages.complete(api, "/archive");
    }

    @AfterAll
    void stop() {
        parley.close();
    }

    /**
     * Conversation {@code i}: guild {@code i % 3}, requester {@code 5000(i % 7)}, another participant
     * {@code 6000(i % 5)}; a thinking message in every fourth, a tool call and its response in every sixth.
     */
    private static Conversation generated(int i) {
        Instant created = FIRST_CREATED.plus(BETWEEN_PAIRS.multipliedBy(i / 2)).plusNanos(123_456_000);
        UserId requester = UserId.of("5000" + (i % 7));
        Conversation c = Conversation.start(ThreadId.of(Long.toString(100_000 + i)), GuildId.of(GUILDS[i % 3]), "Guild " + (i % 3),
                requester, created);
        c = c.append(Message.chat(created, "hello number " + i).from(requester)).conversation();
        c = c.append(Message.chat(created.plusSeconds(1), "a reply to " + i).from(UserId.of("6000" + (i % 5)))).conversation();
        if (i % 4 == 0) {
            c = c.append(Message.of(created.plusSeconds(2), MessageType.THINKING, "pondering the tide")).conversation();
        }
        if (i % 6 == 0) {
            c = c.append(Message.of(created.plusSeconds(3), MessageType.TOOL_CALL, "Calling lookup")
                    .withTools(List.of(ToolCall.of("lookup", Map.of("n", i))))).conversation();
            c = c.append(Message.of(created.plusSeconds(4), MessageType.TOOL_CALL_RESPONSE, "Found it")).conversation();
        }
        return c;
    }

    private static Set<MessageType> types(Conversation conversation) {
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        conversation.history().forEach(m -> types.add(m.type()));
        return types;
    }

    private static String message(String type, String content, String requester) {
        return "{\"message_type\": \"" + type + "\", \"message_content\": \"" + content + "\""
                + (requester == null ? "" : ", \"meta\": {\"requester\": \"" + requester + "\"}") + "}";
    }

    /** Starts a conversation in {@code thread}, adds the messages, sets the summary, saves it and drops it from live state. */
    private String saveThroughTheApi(String thread, String summary, String... messages) {
        assertThat(api.post("/conversations", "{\"thread_id\": \"" + thread + "\", \"guild_id\": \"" + API_GUILD
                + "\", \"guild_name\": \"g\", \"requester\": \"" + API_REQUESTER + "\"}").status()).isEqualTo(201);
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        for (String message : messages) {
            assertThat(api.post("/conversations/" + thread + "/messages", message).status()).isEqualTo(201);
            types.add(MessageType.valueOf(ApiClient.parse(message).get("message_type").asText().toUpperCase(java.util.Locale.ROOT)));
        }
        assertThat(api.put("/conversations/" + thread + "/summary", "{\"summary\": \"" + summary + "\"}").status()).isEqualTo(200);
        JsonNode live = api.get("/conversations/" + thread).json();
        ApiClient.Reply saved = api.post("/conversations/" + thread + "/save", null);
        assertThat(saved.status()).isEqualTo(200);
        String file = saved.json().get("filename").asText();
        assertThat(api.delete("/conversations/" + thread).status()).isEqualTo(204);
        List<String> participants = new ArrayList<>();
        live.get("participants").forEach(p -> participants.add(p.asText()));
        archived.add(new Archived(file, API_GUILD, API_REQUESTER, participants,
                LocalDateTime.parse(live.get("created_at").asText()).toInstant(ZoneOffset.UTC), types));
        return file;
    }

    private List<String> expected(Predicate<Archived> filter) {
        return archived.stream().filter(filter).sorted(NEWEST_FIRST).map(Archived::fileName).toList();
    }

    // ---------------------------------------------------------------- paging

    @Test
    void everyPageTogetherListsEachConversationOnceNewestFirst() {
        List<String> found = ArchivePages.fileNames(ArchivePages.all(api, "", 7));

        assertThat(found).doesNotHaveDuplicates();
        assertThat(found).containsExactlyElementsOf(expected(a -> true));
        assertThat(new HashSet<>(found)).isEqualTo(new HashSet<>(TempArchive.files(parley.archive())));
    }

    @Test
    void aPageOfAtMost500HoldsTheWholeArchiveAndHasNoNextCursor() {
        JsonNode page = api.get("/archive?limit=500").json();

        assertThat(ArchivePages.fileNames(items(page))).containsExactlyElementsOf(expected(a -> true));
        assertThat(page.get("next_cursor").isNull()).isTrue();
        assertThat(page.get("partial").asBoolean()).isFalse();
    }

    @Test
    void withoutALimitAPageHoldsTheNewest50AndTheCursorOfTheNext() {
        JsonNode page = api.get("/archive").json();
        assertThat(api.get("/archive?limit=&cursor=").json()).as("empty values are absent ones").isEqualTo(page);

        assertThat(ArchivePages.fileNames(items(page))).containsExactlyElementsOf(expected(a -> true).subList(0, 50));
        assertThat(page.get("next_cursor").asText()).isNotBlank();
        JsonNode next = api.get("/archive?cursor=" + encode(page.get("next_cursor").asText())).json();
        assertThat(ArchivePages.fileNames(items(next))).containsExactlyElementsOf(expected(a -> true).subList(50, 100));
    }

    @Test
    void aConversationArchivedBetweenTwoPagesNeitherRepeatsNorSkipsAnother() {
        List<String> before = expected(a -> true);
        JsonNode first = api.get("/archive?limit=10").json();

        String newest = saveThroughTheApi("2004", "", message("chat", "arrived between two pages", API_REQUESTER));
        List<String> rest = new ArrayList<>();
        String cursor = first.get("next_cursor").asText();
        while (cursor != null) {
            JsonNode page = api.get("/archive?limit=10&cursor=" + encode(cursor)).json();
            rest.addAll(ArchivePages.fileNames(items(page)));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        }

        List<String> all = new ArrayList<>(ArchivePages.fileNames(items(first)));
        all.addAll(rest);
        assertThat(all).containsExactlyElementsOf(before);
        assertThat(ArchivePages.fileNames(items(api.get("/archive?limit=1").json()))).containsExactly(newest);
    }

    // ---------------------------------------------------------------- filters

    Stream<Arguments> filters() {
        return Stream.of(
                filter("guild_id=222", a -> a.guild().equals("222")),
                filter("participant=60003", a -> a.participants().contains("60003")),
                filter("requester=50004", a -> a.requester().equals("50004")),
                filter("participant=" + API_REQUESTER, a -> a.participants().contains(API_REQUESTER)),
                filter("from=2025-11-10", a -> !a.createdOn().isBefore(LocalDate.parse("2025-11-10"))),
                filter("to=2025-11-05", a -> !a.createdOn().isAfter(LocalDate.parse("2025-11-05"))),
                filter("from=2025-11-07&to=2025-11-09", a -> !a.createdOn().isBefore(LocalDate.parse("2025-11-07"))
                        && !a.createdOn().isAfter(LocalDate.parse("2025-11-09"))),
                filter("from=2025-11-03&to=2025-11-03", a -> a.createdOn().equals(LocalDate.parse("2025-11-03"))),
                filter("message_type=thinking", a -> a.types().contains(MessageType.THINKING)),
                filter("message_type=tool_call", a -> a.types().contains(MessageType.TOOL_CALL)),
                filter("message_type=tool_call_response", a -> a.types().contains(MessageType.TOOL_CALL_RESPONSE)),
                filter("message_type=TOOL_CALL", a -> a.types().contains(MessageType.TOOL_CALL)),
                filter("guild_id=111&message_type=thinking&from=2025-11-08",
                        a -> a.guild().equals("111") && a.types().contains(MessageType.THINKING)
                                && !a.createdOn().isBefore(LocalDate.parse("2025-11-08"))),
                filter("guild_id=&participant=&requester=&from=&to=&message_type=&q=", a -> true),
                filter("q=number", a -> !a.guild().equals(API_GUILD)),
                filter("q=number&guild_id=333&requester=50002", a -> a.guild().equals("333") && a.requester().equals("50002")));
    }

    private static Arguments filter(String query, Predicate<Archived> expected) {
        return Arguments.of(query, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void eachFilterSelectsItsConversationsNewestFirstOverEveryPage(String query, Predicate<Archived> filter) {
        List<String> expected = expected(filter);
        assertThat(expected).as("the fixture has conversations for this filter").isNotEmpty();

        assertThat(ArchivePages.fileNames(ArchivePages.all(api, query, 40))).containsExactlyElementsOf(expected);
    }

    // ---------------------------------------------------------------- full text

    @Test
    void aTextSearchFindsWordsInTheSummaryAndTheMessagesAndMarksThem() {
        JsonNode page = api.get("/archive?q=" + encode("deploy failed")).json();

        assertThat(ArchivePages.fileNames(items(page))).containsExactly(deployFile);
        JsonNode snippets = page.at("/items/0/snippets");
        JsonNode summary = snippet(snippets, null);
        assertThat(summary.get("text").asText()).isEqualTo("Deploy of the billing service failed");
        assertThat(highlighted(summary)).containsExactly("Deploy", "failed");
        JsonNode chat = snippet(snippets, 0);
        assertThat(chat.get("text").asText()).isEqualTo("the deploy failed at step three");
        assertThat(highlighted(chat)).containsExactly("deploy", "failed");
    }

    @Test
    void aTextSearchIgnoresCaseAndAccents() {
        JsonNode page = api.get("/archive?q=CAFE").json();

        assertThat(ArchivePages.fileNames(items(page))).containsExactly(cafeFile);
        assertThat(highlighted(snippet(page.at("/items/0/snippets"), 0))).containsExactly("Café");
    }

    @Test
    void aPhraseMatchesItsWordsInThatOrderOnly() {
        assertThat(ArchivePages.fileNames(items(api.get("/archive?q=" + encode("\"billing service\"")).json()))).containsExactly(deployFile);
        assertThat(items(api.get("/archive?q=" + encode("\"service billing\"")).json())).isEmpty();
    }

    @Test
    void withAMessageTypeTheWordsAreLookedForInMessagesOfThatTypeOnly() {
        assertThat(ArchivePages.fileNames(items(api.get("/archive?q=penguins").json()))).containsExactly(penguinFile);
        assertThat(items(api.get("/archive?q=penguins&message_type=chat").json())).isEmpty();

        JsonNode thinking = api.get("/archive?q=penguins&message_type=thinking").json();
        assertThat(ArchivePages.fileNames(items(thinking))).containsExactly(penguinFile);
        assertThat(highlighted(snippet(thinking.at("/items/0/snippets"), 0))).containsExactly("penguins");
    }

    @Test
    void withoutTextThereAreNoSnippets() {
        assertThat(items(api.get("/archive?limit=20").json())).allSatisfy(item -> assertThat(item.get("snippets")).isEmpty());
    }

    @Test
    void anItemCarriesTheListingLine() {
        Archived first = archived.stream().filter(a -> a.fileName().contains("_thread-100000.json")).findFirst().orElseThrow();
        JsonNode page = api.get("/archive?guild_id=111&requester=50000&to=2025-11-01&limit=500").json();

        JsonNode item = items(page).stream().filter(i -> i.get("filename").asText().equals(first.fileName())).findFirst().orElseThrow();
        assertThat(item.get("thread_id").asText()).isEqualTo("100000");
        assertThat(item.get("guild_id").asText()).isEqualTo("111");
        assertThat(item.get("guild_name").asText()).isEqualTo("Guild 0");
        assertThat(item.get("requester").asText()).isEqualTo("50000");
        assertThat(item.get("participants")).extracting(JsonNode::asText).containsExactly("50000", "60000");
        assertThat(item.get("created_at").asText()).isEqualTo("2025-11-01T00:00:00.123456");
        assertThat(item.get("updated_at").asText()).isEqualTo("2025-11-01T00:00:04.123456");
        assertThat(item.get("message_count").asInt()).isEqualTo(5);
        assertThat(item.get("snippets")).isEmpty();
    }

    // ---------------------------------------------------------------- refused

    Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("limit=0", "invalid_input", "limit must be between 1 and 500, got 0"),
                Arguments.of("limit=501", "invalid_input", "limit must be between 1 and 500, got 501"),
                Arguments.of("limit=ten", "invalid_input", "limit must be a whole number from 1 to 500, got \"ten\""),
                Arguments.of("cursor=not-a-cursor", "invalid_cursor", "cursor is not one this archive gave out"),
                Arguments.of("q=%20%20", "invalid_input", "q must hold words to search for"),
                Arguments.of("q=" + "x".repeat(501), "invalid_input", "q must be at most 500 characters"),
                Arguments.of("q=" + encode("\"\""), "invalid_input", "q holds no words to search for"),
                Arguments.of("message_type=shout", "invalid_message_type", "message_type must be one of"),
                Arguments.of("requester=bob", "invalid_id", "requester"),
                Arguments.of("participant=12a", "invalid_id", "participant"),
                Arguments.of("guild_id=-1", "invalid_id", "guild_id"),
                Arguments.of("from=2025-13-01", "invalid_date", "from must be a date"),
                Arguments.of("from=2025-11-10&to=2025-11-01", "invalid_date", "from"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aBadSearchIsRefusedWithItsCode(String query, String code, String message) {
        ApiClient.Reply reply = api.get("/archive?" + query);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errorCode()).as(reply.body()).isEqualTo(code);
        assertThat(reply.json().get("message").asText()).contains(message);
    }

    @Test
    void aCursorIsRefusedWithOtherFilters() {
        String cursor = api.get("/archive?guild_id=111&limit=5").json().get("next_cursor").asText();

        ApiClient.Reply reply = api.get("/archive?guild_id=222&limit=5&cursor=" + encode(cursor));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_cursor");
        assertThat(reply.json().get("message").asText()).contains("other filters");
        assertThat(api.get("/archive?guild_id=111&limit=7&cursor=" + encode(cursor)).status())
                .as("another page size keeps the filters").isEqualTo(200);
    }

    @Test
    void anAlteredCursorIsRefused() {
        String cursor = api.get("/archive?limit=5").json().get("next_cursor").asText();
        int middle = cursor.length() / 2; // the last character may carry only bits the decoding drops
        String altered = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A') + cursor.substring(middle + 1);

        ApiClient.Reply reply = api.get("/archive?limit=5&cursor=" + encode(altered));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("invalid_cursor");
    }

    // ---------------------------------------------------------------- helpers

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    /** The snippet of message {@code index}, or of the summary for null. */
    private static JsonNode snippet(JsonNode snippets, Integer index) {
        for (JsonNode snippet : snippets) {
            JsonNode at = snippet.get("message_index");
            if (index == null ? at.isNull() : !at.isNull() && at.asInt() == index) {
                return snippet;
            }
        }
        throw new AssertionError("no snippet of " + (index == null ? "the summary" : "message " + index) + " in " + snippets);
    }

    private static List<String> highlighted(JsonNode snippet) {
        String text = snippet.get("text").asText();
        List<String> words = new ArrayList<>();
        snippet.get("highlights").forEach(range -> words.add(text.substring(range.get(0).asInt(), range.get(1).asInt())));
        return words;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package dev.parley.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.adapters.file.PausedRebuild;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.junit.jupiter.api.Test;

/**
 * The archive index as Parley runs it: searches while it is rebuilt say they are partial,
 * {@code /health} shows its state and progress, an index that cannot be opened leaves saving
 * working and the instance healthy, and stopping Parley indexes the shutdown save, then closes it.
 */
class ArchiveIndexApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int FILES = 200;
    private static final int INDEXED_BEFORE_THE_PAUSE = 50;

    @Test
    void whileTheIndexIsRebuiltSearchesArePartialAndHealthShowsTheProgress() {
        Path directory = TempArchive.create();
        for (int i = 0; i < FILES; i++) {
            ArchiveFiles.write(directory, conversation(i));
        }
        // No .parley-index: Parley rebuilds it from the files; the hook holds the rebuild after 50 of them.
        PausedRebuild rebuild = PausedRebuild.open(directory, INDEXED_BEFORE_THE_PAUSE);
        RunningParley parley = RunningParley.start(directory, Map.of());
        try {
            ApiClient api = parley.client();
            JsonNode paused = awaitIndex(api, index -> index.get("files_indexed").asLong() == INDEXED_BEFORE_THE_PAUSE);

            assertThat(paused.get("state").asText()).isEqualTo("rebuilding");
            assertThat(paused.get("maintainer").asBoolean()).isTrue();
            assertThat(paused.get("partial").asBoolean()).isTrue();
            assertThat(paused.get("files_total").asLong()).isEqualTo(FILES);
            assertThat(paused.get("started_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}");
            assertThat(paused.get("unreadable_files").asLong()).isZero();
            assertThat(paused.get("problem").isNull()).isTrue();
            ApiClient.Reply health = api.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().at("/details/archive_index/status").asText()).isEqualTo("UP");

            JsonNode page = api.get("/archive?limit=500").json();
            assertThat(page.get("partial").asBoolean()).isTrue();
            assertThat(page.get("items")).hasSize(INDEXED_BEFORE_THE_PAUSE);
            assertThat(page.get("next_cursor").isNull()).isTrue();

            String saved = saveThroughTheApi(api, "3001", "written while the index was rebuilt");
            JsonNode found = api.get("/archive?q=rebuilt").json();
            assertThat(found.get("partial").asBoolean()).isTrue();
            assertThat(found.at("/items/0/filename").asText()).as("a save is indexed at once, rebuild or not").isEqualTo(saved);

            rebuild.resume();

            JsonNode complete = ArchivePages.complete(api, "/archive?limit=500");
            assertThat(complete.get("items")).hasSize(FILES + 1);
            JsonNode ready = awaitIndex(api, index -> index.get("state").asText().equals("ready"));
            assertThat(ready.get("partial").asBoolean()).isFalse();
            assertThat(ready.get("files_indexed").asLong()).isEqualTo(FILES + 1);
            assertThat(ready.get("files_total").asLong()).isEqualTo(FILES + 1);
        } finally {
            rebuild.resume();
            parley.stop();
            rebuild.close();
            TempArchive.delete(directory);
        }
    }

    @Test
    void anIndexThatCannotBeOpenedLeavesTheInstanceHealthyAndSavingOnButSearchesAnswerUnavailable() throws IOException {
        Path directory = TempArchive.create();
        Files.writeString(directory.resolve(".parley-index"), "a file where the index directory belongs");
        try (RunningParley parley = RunningParley.start(directory, Map.of())) {
            ApiClient api = parley.client();

            JsonNode failed = awaitIndex(api, index -> index.get("state").asText().equals("failed"));

            assertThat(failed.get("problem").asText()).contains(".parley-index");
            assertThat(failed.get("partial").asBoolean()).isTrue();
            ApiClient.Reply health = api.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
            assertThat(health.json().at("/details/archive_index/status").asText()).isEqualTo("UP");
            ApiClient.Reply search = api.get("/archive");
            assertThat(search.status()).as(search.body()).isEqualTo(503);
            assertThat(search.errorCode()).isEqualTo("storage_unavailable");
            String saved = saveThroughTheApi(api, "3002", "saved without an index");
            assertThat(TempArchive.files(directory)).containsExactly(saved);
            assertThat(api.get("/archive/" + saved).json().at("/history/0/message_content").asText()).isEqualTo("saved without an index");
        }
    }

    @Test
    void stoppingIndexesTheShutdownSaveThenClosesTheIndex() throws IOException {
        try (RunningParley parley = RunningParley.start(Map.of())) {
            ApiClient api = parley.client();
            ArchivePages.complete(api, "/archive");
            assertThat(api.post("/conversations", create("3003")).status()).isEqualTo(201);
            assertThat(api.post("/conversations/3003/messages", "{\"message_type\": \"chat\", \"message_content\": \"bye\"}").status())
                    .isEqualTo(201);

            parley.stop();

            assertThat(TempArchive.files(parley.archive())).hasSize(1);
            try (FSDirectory index = FSDirectory.open(parley.archive().resolve(".parley-index"))) {
                try (Lock released = index.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                    released.ensureValid();
                }
                try (DirectoryReader committed = DirectoryReader.open(index)) {
                    assertThat(committed.numDocs()).as("the shutdown save, indexed and committed").isEqualTo(1);
                }
            }
        }
    }

    /** The {@code archive_index} details of {@code /health} once {@code condition} holds for them. */
    private static JsonNode awaitIndex(ApiClient api, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode details = api.get("/health").json().at("/details/archive_index/details");
            if (!details.isMissingNode() && condition.test(details)) {
                return details;
            }
            assertThat(System.nanoTime()).as("waited %s for the archive index, last seen %s", PATIENCE, details).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String saveThroughTheApi(ApiClient api, String thread, String content) {
        assertThat(api.post("/conversations", create(thread)).status()).isEqualTo(201);
        assertThat(api.post("/conversations/" + thread + "/messages", "{\"message_type\": \"chat\", \"message_content\": \"" + content
                + "\"}").status()).isEqualTo(201);
        ApiClient.Reply saved = api.post("/conversations/" + thread + "/save", null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.delete("/conversations/" + thread).status()).isEqualTo(204);
        return saved.json().get("filename").asText();
    }

    private static Conversation conversation(int i) {
        Instant created = Instant.parse("2025-11-01T00:00:00Z").plusSeconds(60L * i);
        UserId requester = UserId.of(Long.toString(40_000 + i));
        Conversation c = Conversation.start(ThreadId.of(Long.toString(200_000 + i)), GuildId.of("444"), "g", requester, created);
        return c.append(Message.chat(created, "message " + i).from(requester)).conversation();
    }

    private static String create(String thread) {
        return "{\"thread_id\": \"" + thread + "\", \"guild_id\": \"987654321\", \"guild_name\": \"g\", \"requester\": \"123456789012345678\"}";
    }
}

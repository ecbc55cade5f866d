package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.testing.EchoExamples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Echo document's three JSON examples, kept verbatim under src/test/resources/golden. */
class GoldenFileTest {

    private static final List<String> DOCUMENTED_KEYS = List.of(
            "created_at", "updated_at", "summary", "guild_id", "guild_name", "requester", "participants", "history");

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void documentMessageIsWrittenExactlyAsTheDocumentShowsIt() throws IOException {
        String written = ArchiveJsonWriter.render(EchoExamples.hello());

        assertThat(written).isEqualTo(golden("echo-message.json"));
    }

    @Test
    void documentToolCallMessageIsWrittenExactlyAsTheDocumentShowsIt() throws IOException {
        String written = ArchiveJsonWriter.render(EchoExamples.toolCall());

        assertThat(written).isEqualTo(golden("echo-tool-call-message.json"));
    }

    @Test
    void documentConversationIsSavedUnderTheDocumentFileNameWithTheDocumentJson() throws IOException {
        Conversation conversation = EchoExamples.documentConversation();

        String fileName = new JsonFileConversationArchive(directory).save(conversation);

        assertThat(fileName).isEqualTo(EchoExamples.FILE_NAME);
        ObjectNode saved = (ObjectNode) json.readTree(directory.resolve(fileName).toFile());
        assertThat(fieldNames(saved)).containsExactlyElementsOf(withThreadId(DOCUMENTED_KEYS));
        assertThat(saved.get("thread_id").textValue()).isEqualTo(EchoExamples.THREAD.value());
        saved.remove("thread_id");
        assertThat(saved).isEqualTo(json.readTree(golden("echo-conversation.json")));
        for (JsonNode message : saved.get("history")) {
            assertThat(fieldNames(message)).containsExactly("created_at", "message_type", "message_content", "meta");
        }
    }

    @Test
    void documentConversationFileIsTheDocumentTextWithThreadIdAddedAtTheEnd() throws IOException {
        String fileName = new JsonFileConversationArchive(directory).save(EchoExamples.documentConversation());

        String expected = golden("echo-conversation.json")
                .replaceFirst("\n  ]\n}\n$", "\n  ],\n  \"thread_id\": \"" + EchoExamples.THREAD.value() + "\"\n}\n");
        assertThat(Files.readString(directory.resolve(fileName), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void documentConversationExampleLoadsWithoutAThread() throws IOException {
        Files.writeString(directory.resolve(EchoExamples.FILE_NAME), golden("echo-conversation.json"));

        ArchivedTranscript loaded = new JsonFileConversationArchive(directory).load(EchoExamples.FILE_NAME).orElseThrow();

        Conversation expected = EchoExamples.documentConversation();
        assertThat(loaded.entry().threadId()).isEmpty();
        assertThat(loaded.conversation()).isEmpty();
        assertThat(loaded.entry().createdAt()).isEqualTo(expected.createdAt());
        assertThat(loaded.entry().updatedAt()).isEqualTo(expected.updatedAt());
        assertThat(loaded.entry().guildId()).isEqualTo(expected.guildId());
        assertThat(loaded.entry().guildName()).isEqualTo(expected.guildName());
        assertThat(loaded.entry().requester()).isEqualTo(expected.requester());
        assertThat(loaded.entry().participants()).isEqualTo(expected.participants());
        assertThat(loaded.summary()).isEqualTo(expected.summary());
        assertThat(loaded.history()).isEqualTo(expected.history());
    }

    @Test
    void documentMessageExamplesLoad() throws Exception {
        assertThat(ArchiveJsonReader.message(json.readTree(golden("echo-message.json")), "message"))
                .isEqualTo(EchoExamples.hello());
        assertThat(ArchiveJsonReader.message(json.readTree(golden("echo-tool-call-message.json")), "message"))
                .isEqualTo(EchoExamples.toolCall());
    }

    @Test
    void toolParametersKeepTheirOriginalKeyOrder() throws Exception {
        JsonNode params = json.readTree(ArchiveJsonWriter.render(EchoExamples.toolCall()))
                .at("/meta/tools/0/params");

        assertThat(fieldNames(params)).containsExactly("query", "limit");
        assertThat(ArchiveJsonReader.message(json.readTree(golden("echo-tool-call-message.json")), "message")
                .tools().getFirst().params().keySet()).containsExactly("query", "limit");
    }

    private static List<String> withThreadId(List<String> keys) {
        List<String> all = new ArrayList<>(keys);
        all.add("thread_id");
        return all;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String golden(String name) throws IOException {
        try (InputStream in = GoldenFileTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

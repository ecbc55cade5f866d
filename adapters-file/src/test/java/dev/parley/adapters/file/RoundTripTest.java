package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.UserId;
import dev.parley.domain.testing.EchoExamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is written reads back equal; what the original Python bot wrote reads at all. */
class RoundTripTest {

    @TempDir
    Path directory;

    @Test
    void everyMessageTypeReadsBackEqual() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation conversation = EchoExamples.newConversation();
        for (Message message : EchoExamples.oneOfEachType()) {
            conversation = conversation.append(message).conversation();
        }
        conversation = conversation.withSummary("Ünïcode \"quotes\", back\\slash,\nnew line, tab\t, emoji 🦜");

        String fileName = archive.save(conversation);

        assertThat(conversation.history()).extracting(Message::type).containsAll(List.of(MessageType.values()));
        assertThat(archive.load(fileName).flatMap(ArchivedTranscript::conversation)).contains(conversation);
    }

    @Test
    void extraMessageKeysFollowMetaOnlyWhenSet() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation conversation = EchoExamples.newConversation().append(EchoExamples.oneOfEachType().getFirst()).conversation()
                .append(EchoExamples.thinking()).conversation();

        String text = Files.readString(directory.resolve(archive.save(conversation)));

        assertThat(text).contains("""
                      "meta": {
                        "requester": "123456789012345678"
                      },
                      "attachments": ["https://cdn.example/a.png"],
                      "message_id": "1311111111111111111"
                    },
                """);
        assertThat(text).contains("""
                      "message_content": "Processing request...",
                      "meta": {}
                    }
                """);
    }

    @Test
    void anAvatarsReplyDataFollowsTheDocumentedMetaKeys() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation conversation = EchoExamples.newConversation()
                .append(EchoExamples.hello().withAuthorName("Alice")).conversation()
                .append(EchoExamples.avatarReply()).conversation();

        String fileName = archive.save(conversation);
        String text = Files.readString(directory.resolve(fileName));

        assertThat(text).contains("""
                      "meta": {
                        "requester": "123456789012345678",
                        "author_name": "Alice"
                      }
                """);
        assertThat(text).contains("""
                      "meta": {
                        "author_name": "Echo",
                        "avatar_id": "echo",
                        "bot": true,
                        "message_ids": ["1311111111111111112", "1311111111111111113"]
                      }
                """);
        assertThat(archive.load(fileName).flatMap(ArchivedTranscript::conversation)).contains(conversation);
    }

    @Test
    void toolParametersOfEveryJsonKindReadBackEqual() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("z_first", "text");
        params.put("a_second", 12);
        params.put("big", 12345678901234L);
        params.put("huge", new java.math.BigInteger("123456789012345678901234567890"));
        params.put("ratio", -0.25);
        params.put("flag", false);
        params.put("nothing", null);
        params.put("list", List.of(List.of(), Map.of(), "x"));
        params.put("nan", Double.NaN);
        params.put("infinite", Double.NEGATIVE_INFINITY);
        Message call = Message.of(Instant.parse("2025-11-25T10:30:05Z"), MessageType.TOOL_CALL, "")
                .withTools(List.of(new ToolCall("everything", params), new ToolCall("no_params", Map.of())));
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation conversation = EchoExamples.newConversation().append(call).conversation();

        Conversation loaded = archive.load(archive.save(conversation)).flatMap(ArchivedTranscript::conversation).orElseThrow();

        assertThat(loaded).isEqualTo(conversation);
        assertThat(loaded.history().getFirst().tools().getFirst().params().keySet())
                .containsExactly("z_first", "a_second", "big", "huge", "ratio", "flag", "nothing", "list", "nan", "infinite");
    }

    @Test
    void timestampsAreWrittenInUtcWithSixFractionDigits() throws IOException {
        Instant created = Instant.parse("2025-11-25T23:30:00.5+00:00");
        Conversation conversation = Conversation.start(EchoExamples.THREAD, EchoExamples.GUILD, "", EchoExamples.REQUESTER, created)
                .append(Message.chat(Instant.parse("2025-11-26T00:00:00Z"), "midnight")).conversation();
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);

        String text = Files.readString(directory.resolve(archive.save(conversation)));

        assertThat(text).contains("\"created_at\": \"2025-11-25T23:30:00.500000\"")
                .contains("\"updated_at\": \"2025-11-26T00:00:00.000000\"");
    }

    @Test
    void pythonBotFileWithNaiveTimestampsOffsetsAndUnknownKeysLoads() throws IOException {
        String python = """
                {
                  "created_at": "2025-11-25T10:30:00",
                  "updated_at": "2025-11-25T11:35:00.5+01:00",
                  "summary": null,
                  "guild_id": "987654321",
                  "guild_name": "My Discord Server",
                  "requester": "123456789012345678",
                  "participants": ["123456789012345678"],
                  "bot_version": "1.4.2",
                  "history": [
                    {
                      "created_at": "2025-11-25T10:30:00.123",
                      "message_type": "chat",
                      "message_content": "H\\u00e9llo, Echo!",
                      "meta": {"requester": "123456789012345678", "channel": "general"},
                      "tokens": 12
                    },
                    {
                      "created_at": "2025-11-25T10:30:01.123456789Z",
                      "message_type": "TOOL_CALL",
                      "message_content": "Calling search_documents",
                      "meta": {"tools": [{"name": "search_documents", "params": {"query": "python async", "limit": 5}}]}
                    },
                    {
                      "created_at": "2025-11-25 10:30:02.000001",
                      "message_type": "tool_call_response",
                      "message_content": "Found 5 documents matching the query"
                    }
                  ]
                }""";
        Files.writeString(directory.resolve(EchoExamples.FILE_NAME), python, StandardCharsets.UTF_8);

        ArchivedTranscript loaded = new JsonFileConversationArchive(directory).load(EchoExamples.FILE_NAME).orElseThrow();

        assertThat(loaded.entry().threadId()).isEmpty();
        assertThat(loaded.entry().createdAt()).isEqualTo(Instant.parse("2025-11-25T10:30:00Z"));
        assertThat(loaded.entry().updatedAt()).isEqualTo(Instant.parse("2025-11-25T10:35:00.5Z"));
        assertThat(loaded.summary()).isEmpty();
        assertThat(loaded.history()).extracting(Message::createdAt).containsExactly(
                Instant.parse("2025-11-25T10:30:00.123Z"),
                Instant.parse("2025-11-25T10:30:01.123456Z"),
                Instant.parse("2025-11-25T10:30:02.000001Z"));
        assertThat(loaded.history()).extracting(Message::type)
                .containsExactly(MessageType.CHAT, MessageType.TOOL_CALL, MessageType.TOOL_CALL_RESPONSE);
        assertThat(loaded.history().getFirst().content()).isEqualTo("Héllo, Echo!");
        assertThat(loaded.history().getFirst().requester()).contains(UserId.of("123456789012345678"));
        assertThat(loaded.history().get(1).tools()).isEqualTo(EchoExamples.toolCall().tools());
    }

    @Test
    void savedFileIsPrettyPrintedUtf8WithATrailingNewline() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation conversation = EchoExamples.newConversation()
                .append(Message.chat(EchoExamples.CREATED_AT, "ça va? 🦜").from(EchoExamples.REQUESTER)).conversation();

        byte[] bytes = Files.readAllBytes(directory.resolve(archive.save(conversation)));

        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"created_at\": ").endsWith("\n}\n").contains("\"ça va? 🦜\"");
        assertThat(bytes).containsSequence("🦜".getBytes(StandardCharsets.UTF_8));
    }
}

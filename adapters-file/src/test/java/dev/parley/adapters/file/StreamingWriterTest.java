package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.testing.EchoExamples;
import dev.parley.domain.testing.Generated;
import dev.parley.domain.testing.Seeded;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive is written by streaming, byte for byte as the in-memory writer before it wrote
 * (docs/json-format.md), and refuses what it could not read back instead of writing it.
 */
class StreamingWriterTest {

    private static final String TEXT = "abc XYZ 019 \"\\/\n\t\r\b\f\u0000\u001f\u007f é ü ß 中文 🦜 \ud800 \udc00 ";

    @TempDir
    Path directory;

    @Test
    void streamedFilesAreByteForByteWhatTheTreeWriterWrote() {
        Seeded.cases(300).forAll(StreamingWriterTest::conversation, conversation -> {
            byte[] before = TreeArchiveJsonWriter.conversationBytes(conversation);
            assertThat(ArchiveJsonWriter.conversationBytes(conversation)).isEqualTo(before);
        });
    }

    @Test
    void aSavedFileIsTheSameBytesAndReadsBack() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Seeded.cases(30).forAll(StreamingWriterTest::conversation, conversation -> {
            String name = archive.save(conversation);
            try {
                assertThat(Files.readAllBytes(directory.resolve(name))).isEqualTo(TreeArchiveJsonWriter.conversationBytes(conversation));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(archive.load(name).orElseThrow().history()).hasSize(conversation.history().size());
        });
    }

    @Test
    void aLargeConversationStreamsThroughManyBuffersUnchanged() throws IOException {
        Conversation conversation = EchoExamples.newConversation();
        String chunk = TEXT.repeat(400); // > 8 KiB of characters, with surrogate pairs across buffer edges
        for (int i = 0; i < 200; i++) {
            conversation = conversation.append(Message.chat(EchoExamples.CREATED_AT.plusSeconds(i), chunk + i)
                    .from(EchoExamples.REQUESTER)).conversation();
        }

        String name = new JsonFileConversationArchive(directory).save(conversation);

        assertThat(Files.readAllBytes(directory.resolve(name))).isEqualTo(TreeArchiveJsonWriter.conversationBytes(conversation));
    }

    @Test
    void aLargeConversationReachesTheStreamABufferAtATimeNeverWholeInMemory() throws IOException {
        Conversation conversation = EchoExamples.newConversation();
        String chunk = "x".repeat(10_000);
        for (int i = 0; i < 200; i++) {
            conversation = conversation.append(Message.chat(EchoExamples.CREATED_AT.plusSeconds(i), chunk)
                    .from(EchoExamples.REQUESTER)).conversation();
        }
        WriteSizes out = new WriteSizes();

        ArchiveJsonWriter.write(conversation, out);

        assertThat(out.total).as("the whole file").isGreaterThan(2_000_000);
        assertThat(out.largest).as("the largest single write: a buffer, not the file").isLessThanOrEqualTo(64 * 1024);
    }

    /** Counts what reaches it, and the largest piece handed over at once. */
    private static final class WriteSizes extends java.io.OutputStream {
        long total;
        int largest;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            total += len;
            largest = Math.max(largest, len);
        }
    }

    @Test
    void parametersNestedToTheReadersLimitAreWrittenAndReadBack() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation conversation = withParamsNested(ArchiveJsonWriter.MAX_DEPTH - 6); // the params object nests 7 deep: its innermost MAX deep

        String name = archive.save(conversation);

        assertThat(archive.load(name).orElseThrow().history()).isEqualTo(conversation.history());
    }

    @Test
    void parametersNestedBeyondWhatTheArchiveReadsBackAreRefusedAndLeaveNoFileEvenWhenSavedAgain() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation conversation = withParamsNested(ArchiveJsonWriter.MAX_DEPTH - 5);

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> archive.save(conversation)).isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("thread 1234567890")
                    .hasMessageContaining("nested deeper than the " + ArchiveJsonWriter.MAX_DEPTH + " levels");
        }

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("neither a file that cannot be read back nor a temporary file")
                    .containsOnly(DirectoryLock.LOCK_FILE_NAME);
        }
    }

    /** A conversation whose one tool call's params object holds {@code levels} objects nested in each other. */
    private static Conversation withParamsNested(int levels) {
        Map<String, Object> params = Map.of("leaf", 1L);
        for (int i = 1; i < levels; i++) {
            params = Map.of("n", params);
        }
        Message deep = Message.of(EchoExamples.CREATED_AT, MessageType.TOOL_CALL, "")
                .withTools(List.of(ToolCall.of("deep", params)));
        return EchoExamples.newConversation().append(deep).conversation();
    }

    private static Conversation conversation(Generated g) {
        Instant created = Instant.parse("2025-11-25T10:30:00.123456Z").plusMillis(g.between(0, 1_000_000));
        Conversation conversation = Conversation.start(ThreadId.of(Long.toString(g.between(1L, 999_999_999_999L))),
                GuildId.of(Long.toString(g.between(1L, 99_999L))), text(g), UserId.of(Long.toString(g.between(1L, 99L))), created);
        int messages = g.size(0, 8);
        for (int i = 0; i < messages; i++) {
            conversation = conversation.append(message(g, created.plusSeconds(i + 1))).conversation();
        }
        return g.chance(0.5) ? conversation.withSummary(text(g)) : conversation;
    }

    private static Message message(Generated g, Instant at) {
        Message message = Message.of(at, g.pick(MessageType.values()), text(g));
        if (g.chance(0.5)) {
            message = message.from(UserId.of(Long.toString(g.between(1L, 99L))));
        }
        if (g.chance(0.3)) {
            message = message.withTools(g.list(1, 3, () -> ToolCall.of(g.string(1, 8, Generated.ALPHA), object(g, 3))));
        }
        if (g.chance(0.2)) {
            message = message.withAttachments(g.list(1, 3, () -> "https://cdn.example.com/" + g.string(1, 10, Generated.LOWER)));
        }
        if (g.chance(0.3)) {
            message = message.withId(MessageId.of(Long.toString(g.between(1L, Long.MAX_VALUE))));
        }
        if (g.chance(0.2)) {
            message = message.withAuthorName(g.string(1, 10, Generated.ALPHA));
        }
        if (g.chance(0.1)) {
            message = message.fromBot();
        }
        if (g.chance(0.1)) {
            message = message.withPostedIds(g.list(1, 3, () -> MessageId.of(Long.toString(g.between(1L, 999L)))));
        }
        return message;
    }

    private static Map<String, Object> object(Generated g, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        int size = g.size(0, 4);
        for (int i = 0; i < size; i++) {
            object.put(g.string(0, 6, Generated.ALPHANUMERIC + "\"\\é🦜"), value(g, depth - 1));
        }
        return object;
    }

    private static Object value(Generated g, int depth) {
        List<Generated.Weighted<Object>> choices = new ArrayList<>(List.of(
                Generated.weighted(3, () -> text(g)),
                Generated.weighted(1, () -> g.chance(0.5)),
                Generated.weighted(1, () -> null),
                Generated.weighted(2, () -> g.between(Long.MIN_VALUE, Long.MAX_VALUE)),
                Generated.weighted(2, () -> g.pick(0.5, -1.25e-7, 1e300, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, 3.0, (double) g.between(-1000, 1000) / 7)),
                Generated.weighted(1, () -> g.pick(new BigDecimal("1.50"), new BigDecimal("0.000"), new BigDecimal("1E+3"),
                        new BigDecimal("-12345678901234567890.123456789"))),
                Generated.weighted(1, () -> new BigInteger("123456789012345678901234567890").multiply(BigInteger.valueOf(g.between(-5, 5))))));
        if (depth > 0) {
            choices.add(Generated.weighted(2, () -> object(g, depth)));
            choices.add(Generated.weighted(2, () -> g.list(0, 4, () -> value(g, depth - 1))));
        }
        return g.oneOf(choices);
    }

    private static String text(Generated g) {
        return g.string(0, 40, TEXT);
    }

    @Test
    void theTextAlphabetHoldsEveryEscapeAndALoneSurrogate() {
        assertThat(TEXT.getBytes(StandardCharsets.UTF_8)).contains((byte) '?');
    }
}

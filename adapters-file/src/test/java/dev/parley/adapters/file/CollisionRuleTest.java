package dev.parley.adapters.file;

import static dev.parley.adapters.file.Conversations.inThread;
import static dev.parley.adapters.file.Conversations.withReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.testing.EchoExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** decisions.md 4: no conversation overwrites another; a conversation saved again replaces its own file. */
class CollisionRuleTest {

    private static final Instant MORNING = Instant.parse("2025-11-25T09:00:00Z");
    private static final String PLAIN = EchoExamples.FILE_NAME;

    @TempDir
    Path directory;

    @Test
    void twoThreadsOfOneRequesterInOneGuildOnOneDayGetTwoFiles() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation first = inThread("111", MORNING);
        Conversation second = inThread("222", MORNING.plusSeconds(3600));

        assertThat(archive.save(first)).isEqualTo(PLAIN);
        assertThat(archive.save(second)).isEqualTo(second.fileNameWithThread())
                .isEqualTo("2025-11-25_conversation-with-123456789012345678-in-987654321_thread-222.json");

        assertThat(loaded(archive, PLAIN)).isEqualTo(first);
        assertThat(loaded(archive, second.fileNameWithThread())).isEqualTo(second);
    }

    @Test
    void successiveConversationsOfOneThreadOnOneDayAreNumbered() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        String stem = "2025-11-25_conversation-with-123456789012345678-in-987654321";

        assertThat(Stream.of(0, 1, 2, 3).map(hour -> archive.save(inThread("111", MORNING.plusSeconds(3600L * hour)))))
                .containsExactly(stem + ".json", stem + "_thread-111.json", stem + "_thread-111-2.json", stem + "_thread-111-3.json");
        assertThat(archiveFiles()).hasSize(4);
    }

    @Test
    void savingAgainReplacesItsOwnFileWhereverItLives() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation atPlain = inThread("111", MORNING);
        Conversation atThread = inThread("111", MORNING.plusSeconds(60));
        Conversation atNumbered = inThread("111", MORNING.plusSeconds(120));
        String[] names = {archive.save(atPlain), archive.save(atThread), archive.save(atNumbered)};

        Conversation[] later = {withReply(atPlain, "a"), withReply(atThread, "b"), withReply(atNumbered, "c")};
        for (int i = 2; i >= 0; i--) {
            assertThat(archive.save(later[i])).isEqualTo(names[i]);
        }

        assertThat(archiveFiles()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(loaded(archive, names[i])).isEqualTo(later[i]);
        }
    }

    @Test
    void lateSaveOfAnOlderVersionNeverRollsTheFileBack() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation older = inThread("111", MORNING);
        Conversation newer = withReply(older, "the newest message");
        String name = archive.save(newer);
        byte[] newest = Files.readAllBytes(directory.resolve(name));

        assertThat(archive.save(older)).isEqualTo(name);

        assertThat(Files.readAllBytes(directory.resolve(name))).isEqualTo(newest);
        assertThat(archive.save(newer.withSummary("summarised"))).isEqualTo(name);
        assertThat(loaded(archive, name)).isEqualTo(newer.withSummary("summarised"));
    }

    @Test
    void pythonBotFileIsNeverOverwritten() throws IOException {
        byte[] python = GoldenFileTest.golden("echo-conversation.json").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(directory.resolve(PLAIN), python);
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation sameThreadAndStart = EchoExamples.documentConversation();

        String first = archive.save(sameThreadAndStart);
        String again = archive.save(withReply(sameThreadAndStart, "more"));

        assertThat(first).isEqualTo(again).isEqualTo(sameThreadAndStart.fileNameWithThread());
        assertThat(Files.readAllBytes(directory.resolve(PLAIN))).isEqualTo(python);
        assertThat(archiveFiles()).hasSize(2);
    }

    @Test
    void unreadableFileUnderTheNameIsNeverOverwritten() throws IOException {
        Files.writeString(directory.resolve(PLAIN), "{ not json");
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);

        String name = archive.save(inThread("111", MORNING));

        assertThat(name).isEqualTo(inThread("111", MORNING).fileNameWithThread());
        assertThat(Files.readString(directory.resolve(PLAIN))).isEqualTo("{ not json");
    }

    @Test
    void sameThreadStartedAtAnotherInstantIsAnotherConversation() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation earlier = inThread("111", MORNING);
        Conversation later = inThread("111", MORNING.plusNanos(1000));

        archive.save(earlier);

        assertThat(archive.save(later)).isEqualTo(later.fileNameWithThread());
        assertThat(loaded(archive, PLAIN)).isEqualTo(earlier);
    }

    @Test
    void aFreedPlainNameIsReusedWithoutLosingTheNumberedOnes() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        archive.save(inThread("111", MORNING));
        Conversation second = inThread("111", MORNING.plusSeconds(60));
        Conversation third = inThread("111", MORNING.plusSeconds(120));
        archive.save(second);
        String thirdName = archive.save(third);
        Files.delete(directory.resolve(PLAIN));

        assertThat(archive.save(withReply(third, "again"))).isEqualTo(thirdName);
        assertThat(archive.save(inThread("333", MORNING))).isEqualTo(PLAIN);
        assertThat(archive.save(withReply(second, "again"))).isEqualTo(second.fileNameWithThread());
        assertThat(archiveFiles()).hasSize(3);
    }

    @Test
    void fileIsDatedByTheUtcDayOfCreation() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);

        String name = archive.save(inThread("111", Instant.parse("2025-11-25T23:30:00-05:00")));

        assertThat(name).startsWith("2025-11-26_");
    }

    private static Conversation loaded(JsonFileConversationArchive archive, String name) {
        return archive.load(name).flatMap(ArchivedTranscript::conversation).orElseThrow();
    }

    private java.util.List<Path> archiveFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> ArchiveFileNames.isArchiveName(file.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

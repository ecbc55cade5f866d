package dev.parley.adapters.file;

import static dev.parley.adapters.file.Conversations.inThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.archive.UnreadableArchive;
import dev.parley.domain.archive.UnreadableArchiveException;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.testing.EchoExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding archived conversations, and what happens with files that are not valid archives. */
class ListingAndLoadingTest {

    private static final GuildId OTHER_GUILD = GuildId.of("555");
    private static final UserId VISITOR = UserId.of("777");

    @TempDir
    Path directory;

    @Test
    void listsByGuildParticipantAndDateRange() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation monday = inThread("1", Instant.parse("2025-11-24T12:00:00Z"));
        Conversation tuesday = inThread("2", Instant.parse("2025-11-25T12:00:00Z"))
                .append(Message.chat(Instant.parse("2025-11-25T12:05:00Z"), "hi").from(VISITOR)).conversation();
        Conversation elsewhere = Conversation.start(ThreadId.of("3"), OTHER_GUILD, "Other", VISITOR, Instant.parse("2025-11-26T00:00:00Z"));
        archive.save(monday);
        archive.save(tuesday);
        archive.save(elsewhere);

        assertThat(threads(archive.list(ArchiveQuery.ALL))).containsExactly("1", "2", "3");
        assertThat(threads(archive.list(ArchiveQuery.ALL.inGuild(EchoExamples.GUILD)))).containsExactly("1", "2");
        assertThat(threads(archive.list(ArchiveQuery.ALL.withParticipant(VISITOR)))).containsExactly("2", "3");
        assertThat(threads(archive.list(ArchiveQuery.ALL.between(LocalDate.parse("2025-11-25"), LocalDate.parse("2025-11-26")))))
                .containsExactly("2", "3");
        assertThat(threads(archive.list(ArchiveQuery.ALL.inGuild(EchoExamples.GUILD).withParticipant(VISITOR)
                .between(LocalDate.parse("2025-11-25"), LocalDate.parse("2025-11-25"))))).containsExactly("2");
    }

    @Test
    void listingLineDescribesTheFileWithoutItsHistory() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation document = EchoExamples.documentConversation();
        String name = archive.save(document);

        assertThat(archive.list(ArchiveQuery.ALL).conversations())
                .containsExactly(ArchivedConversation.of(name, Optional.of(document.threadId()), document));
    }

    @Test
    void listingIsOrderedByCreationThenFileName() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Instant sameInstant = Instant.parse("2025-11-25T08:00:00Z");
        archive.save(inThread("9", Instant.parse("2025-11-25T09:00:00Z")));
        archive.save(inThread("8", sameInstant));
        archive.save(inThread("7", sameInstant));
        archive.save(inThread("6", Instant.parse("2025-11-24T09:00:00Z")));

        assertThat(archive.list(ArchiveQuery.ALL).conversations()).extracting(ArchivedConversation::fileName).containsExactly(
                "2025-11-24_conversation-with-123456789012345678-in-987654321.json",
                "2025-11-25_conversation-with-123456789012345678-in-987654321_thread-7.json",
                "2025-11-25_conversation-with-123456789012345678-in-987654321_thread-8.json",
                "2025-11-25_conversation-with-123456789012345678-in-987654321.json");
    }

    @Test
    void pythonBotFileIsListedWithoutAThread() throws IOException {
        Files.writeString(directory.resolve(EchoExamples.FILE_NAME), GoldenFileTest.golden("echo-conversation.json"));

        ArchiveListing listing = new JsonFileConversationArchive(directory).list(ArchiveQuery.ALL);

        assertThat(listing.unreadable()).isEmpty();
        assertThat(listing.conversations()).singleElement().satisfies(line -> {
            assertThat(line.threadId()).isEmpty();
            assertThat(line.messageCount()).isEqualTo(3);
            assertThat(line.participants()).containsExactly(EchoExamples.REQUESTER, EchoExamples.OTHER_USER);
        });
    }

    @Test
    void malformedFilesAreReportedByNameAndReasonAndSkipped() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        String good = archive.save(inThread("1", Instant.parse("2025-11-25T09:00:00Z")));
        String valid = GoldenFileTest.golden("echo-conversation.json");
        write("2025-11-01_conversation-with-1-in-2.json", "{ \"created_at\": ");
        write("2025-11-02_conversation-with-1-in-2.json", "");
        write("2025-11-03_conversation-with-1-in-2.json", "[]");
        write("2025-11-04_conversation-with-1-in-2.json", valid.replace("  \"guild_id\": \"987654321\",\n", ""));
        write("2025-11-05_conversation-with-1-in-2.json", valid.replace("\"guild_id\": \"987654321\"", "\"guild_id\": \"98x\""));
        write("2025-11-06_conversation-with-1-in-2.json", valid.replace("\"message_type\": \"chat\",\n      \"message_content\": \"Hi!",
                "\"message_type\": \"shouting\",\n      \"message_content\": \"Hi!"));
        write("2025-11-07_conversation-with-1-in-2.json", valid.replace("2025-11-25T10:30:02.123456", "yesterday"));
        write("2025-11-08_conversation-with-1-in-2.json", valid + "{}");
        Files.createDirectory(directory.resolve("2025-11-09_conversation-with-1-in-2.json"));

        ArchiveListing listing = archive.list(ArchiveQuery.ALL);

        assertThat(listing.conversations()).extracting(ArchivedConversation::fileName).containsExactly(good);
        // Jackson words the syntax error itself; the position is ours.
        assertThat(listing.unreadable().getFirst().fileName()).isEqualTo("2025-11-01_conversation-with-1-in-2.json");
        assertThat(listing.unreadable().getFirst().reason()).startsWith("not valid JSON at line 1, column 17: ");
        assertThat(listing.unreadable().subList(1, listing.unreadable().size()))
                .extracting(UnreadableArchive::fileName, UnreadableArchive::reason).containsExactly(
                tuple("2025-11-02_conversation-with-1-in-2.json", "$: the file is empty"),
                tuple("2025-11-03_conversation-with-1-in-2.json", "$: must be a conversation object, got array"),
                tuple("2025-11-04_conversation-with-1-in-2.json", "guild_id: required key is missing"),
                tuple("2025-11-05_conversation-with-1-in-2.json",
                        "guild_id: must be a Discord snowflake: ASCII digits, no leading zeros, at most 18446744073709551615, got \"98x\""),
                tuple("2025-11-06_conversation-with-1-in-2.json",
                        "history[2].message_type: must be one of thinking, chat, tool_call, tool_call_response, got \"shouting\""),
                tuple("2025-11-07_conversation-with-1-in-2.json",
                        "history[1].created_at: not an ISO-8601 date-time (e.g. 2025-11-25T10:30:00.123456), got \"yesterday\""),
                tuple("2025-11-08_conversation-with-1-in-2.json",
                        "$: unexpected content after the conversation object"),
                tuple("2025-11-09_conversation-with-1-in-2.json", "not a regular file"));
    }

    @Test
    void filesWithOtherNamesTempFilesAndTheLockFileAreIgnored() throws IOException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        String valid = GoldenFileTest.golden("echo-conversation.json");
        write(".tmp-" + EchoExamples.FILE_NAME + ".1a2b.part", valid);
        write("notes.json", valid);
        write(EchoExamples.FILE_NAME + ".bak", valid);
        write("2025-11-25_conversation-with-1-in-2.JSON", valid);

        ArchiveListing listing = archive.list(ArchiveQuery.ALL);

        assertThat(listing.conversations()).isEmpty();
        assertThat(listing.unreadable()).isEmpty();
        assertThat(directory.resolve(DirectoryLock.LOCK_FILE_NAME)).exists();
    }

    @Test
    void symbolicLinkNamedLikeAnArchiveIsNeverFollowed() throws IOException {
        Path outside = Files.writeString(directory.resolveSibling(directory.getFileName() + "-outside.json"),
                GoldenFileTest.golden("echo-conversation.json"));
        try {
            Path archiveDirectory = Files.createDirectory(directory.resolve("archive"));
            Files.createSymbolicLink(archiveDirectory.resolve(EchoExamples.FILE_NAME), outside);
            JsonFileConversationArchive archive = new JsonFileConversationArchive(archiveDirectory);

            assertThat(archive.list(ArchiveQuery.ALL).unreadable())
                    .containsExactly(new UnreadableArchive(EchoExamples.FILE_NAME, "not a regular file"));
            assertThat(archive.load(EchoExamples.FILE_NAME)).as("no archive file by that name").isEmpty();
            assertThat(archive.save(EchoExamples.documentConversation()))
                    .isEqualTo(EchoExamples.documentConversation().fileNameWithThread());
            assertThat(Files.readString(outside)).isEqualTo(GoldenFileTest.golden("echo-conversation.json"));
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void loadingADirectoryOrAFifoNamedLikeAnArchiveFindsNothing() throws Exception {
        Files.createDirectory(directory.resolve(EchoExamples.FILE_NAME));
        String fifo = "2025-11-26_conversation-with-1-in-2.json";
        Process mkfifo = new ProcessBuilder("mkfifo", directory.resolve(fifo).toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);

        assertThat(archive.load(EchoExamples.FILE_NAME)).isEmpty();
        assertThat(archive.load(fifo)).as("never opened, so never blocks").isEmpty();
    }

    @Test
    void loadingAMissingFileFindsNothing() {
        assertThat(new JsonFileConversationArchive(directory).load(EchoExamples.FILE_NAME)).isEmpty();
    }

    @Test
    void loadingAMalformedFileNamesTheFileAndTheReason() throws IOException {
        write(EchoExamples.FILE_NAME, GoldenFileTest.golden("echo-conversation.json").replace("\"thinking\"", "\"pondering\""));
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);

        assertThatThrownBy(() -> archive.load(EchoExamples.FILE_NAME))
                .isInstanceOfSatisfying(UnreadableArchiveException.class,
                        e -> assertThat(e.fileName()).isEqualTo(EchoExamples.FILE_NAME))
                .hasMessage(EchoExamples.FILE_NAME
                        + ": history[1].message_type: must be one of thinking, chat, tool_call, tool_call_response, got \"pondering\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "../2025-11-25_conversation-with-1-in-2.json",
            "/etc/passwd",
            "sub/2025-11-25_conversation-with-1-in-2.json",
            "2025-11-25_conversation-with-1-in-2.json/../../escape.json",
            "..\\2025-11-25_conversation-with-1-in-2.json",
            "..",
            "",
            ".parley-archive.lock",
            ".tmp-2025-11-25_conversation-with-1-in-2.json.1.part",
            "2025-11-25_conversation-with-1-in-2.txt",
            "2025-11-25_conversation-with-1-in-2.JSON",
            "2025-11-25_conversation-with-1-in-2.json\n",
            "２０２５-11-25_conversation-with-1-in-2.json",
            "2025-11-25_conversation-with-123456789012345678901-in-2.json"})
    void fileNamesOutsideTheArchivePatternAreRejected(String fileName) throws IOException {
        write("escape.json", "{}");
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory.resolve("archive"));

        assertThatThrownBy(() -> archive.load(fileName))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.ARCHIVE_FILE_NAME))
                .hasMessageStartingWith("archive file name must be yyyy-mm-dd_conversation-with-");
    }

    @Test
    void noFileNameIsRejected() {
        assertThatThrownBy(() -> new JsonFileConversationArchive(directory).load(null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.ARCHIVE_FILE_NAME));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(directory.resolve(name), content);
    }

    private static java.util.List<String> threads(ArchiveListing listing) {
        return listing.conversations().stream().map(line -> line.threadId().orElseThrow().value()).toList();
    }
}

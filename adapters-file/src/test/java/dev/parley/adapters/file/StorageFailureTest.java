package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.testing.EchoExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real failures of the medium, not mocks. Tests run as root here, where permission bits block
 * nothing, so the failures come from a directory replaced by a file, an obstructed lock file, and
 * a file-size limit ({@code ulimit -f}) on a child JVM, which fails writes as a full disk does.
 */
class StorageFailureTest {

    @TempDir
    Path parent;

    @Test
    void archiveDirectoryReplacedByARegularFileMakesStorageUnavailableNamingTheDirectory() throws IOException {
        Path directory = parent.resolve("archive");
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        deleteTree(directory);
        Files.writeString(directory, "not a directory");

        assertThatThrownBy(() -> archive.save(EchoExamples.documentConversation()))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessage("cannot save the conversation of thread 1234567890 in archive directory " + directory
                        + ": the directory is missing or is not a directory");
        assertThatThrownBy(() -> archive.list(ArchiveQuery.ALL))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("archive directory " + directory);
        assertThat(Files.readString(directory)).isEqualTo("not a directory");
    }

    @Test
    void deletedArchiveDirectoryMakesStorageUnavailable() throws IOException {
        Path directory = parent.resolve("archive");
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        deleteTree(directory);

        assertThatThrownBy(() -> archive.save(EchoExamples.documentConversation()))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageEndingWith("in archive directory " + directory + ": the directory is missing or is not a directory");
        assertThatThrownBy(() -> archive.load(EchoExamples.FILE_NAME))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessage("cannot read " + EchoExamples.FILE_NAME + " in archive directory " + directory
                        + ": the directory is missing or is not a directory");
    }

    @Test
    void failedSaveLeavesThePreviousFileIntactAndNoTemporaryFile() throws IOException {
        Path directory = parent.resolve("archive");
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Conversation conversation = EchoExamples.documentConversation();
        String name = archive.save(conversation);
        byte[] before = Files.readAllBytes(directory.resolve(name));
        Path lockFile = directory.resolve(DirectoryLock.LOCK_FILE_NAME);
        Files.delete(lockFile);
        Files.createDirectory(lockFile);

        assertThatThrownBy(() -> archive.save(Conversations.withReply(conversation, "lost?")))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("in archive directory " + directory);

        assertThat(Files.readAllBytes(directory.resolve(name))).isEqualTo(before);
        assertThat(entries(directory)).containsExactlyInAnyOrder(name, DirectoryLock.LOCK_FILE_NAME);
    }

    @Test
    void writeFailingLikeAFullDiskLeavesThePreviousFileIntactAndRemovesTheTemporaryFile() throws Exception {
        assumeThat(Path.of("/bin/sh")).isExecutable();
        Path directory = parent.resolve("archive");
        String name = new JsonFileConversationArchive(directory).save(EchoExamples.documentConversation());
        byte[] before = Files.readAllBytes(directory.resolve(name));

        // The child may write at most 512 bytes per file; its save of a 64 KiB conversation fails with EFBIG.
        ConcurrencyTest.ChildJvm.Result result = ConcurrencyTest.ChildJvm.await(
                ConcurrencyTest.ChildJvm.startInShell("ulimit -f 1", "oversized", directory.toString()));

        assertThat(result.exitCode()).as(result.output()).isEqualTo(ArchiveProcess.UNAVAILABLE);
        assertThat(result.output()).startsWith("unavailable: cannot save the conversation of thread 1234567890 in archive directory "
                + directory + ": ").contains("File too large");
        assertThat(Files.readAllBytes(directory.resolve(name))).isEqualTo(before);
        assertThat(entries(directory)).containsExactlyInAnyOrder(name, DirectoryLock.LOCK_FILE_NAME);
        assertThat(new JsonFileConversationArchive(directory).load(name).flatMap(ArchivedTranscript::conversation))
                .contains(EchoExamples.documentConversation());
    }

    @Test
    void interruptedThreadStillSavesAndKeepsItsInterruptStatus() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(parent);

        Thread.currentThread().interrupt();
        String name;
        try {
            name = archive.save(EchoExamples.documentConversation());
        } finally {
            assertThat(Thread.interrupted()).as("interrupt status kept").isTrue();
        }

        assertThat(archive.load(name).flatMap(ArchivedTranscript::conversation)).contains(EchoExamples.documentConversation());
    }

    @Test
    void archiveCannotBeOpenedOnARegularFile() throws IOException {
        Path file = Files.writeString(parent.resolve("archive"), "a file");

        assertThatThrownBy(() -> new JsonFileConversationArchive(file))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageStartingWith("archive directory " + file + " cannot be used: ");
    }

    private static List<String> entries(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}

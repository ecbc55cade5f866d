package dev.parley.adapters.file;

import static dev.parley.adapters.file.IndexedArchives.await;
import static dev.parley.adapters.file.IndexedArchives.awaitState;
import static dev.parley.adapters.file.IndexedArchives.conversation;
import static dev.parley.adapters.file.IndexedArchives.index;
import static dev.parley.adapters.file.IndexedArchives.search;
import static dev.parley.adapters.file.IndexedArchives.threads;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.file.ArchiveIndexStatus.State;
import dev.parley.domain.archive.ArchiveHit;
import dev.parley.domain.archive.ArchivePage;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.testing.EchoExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index follows the files: saves, re-saves, other writers, deletions, and rebuilds when it is lost or broken. */
class ArchiveIndexLifecycleTest {

    private static final GuildId GUILD = GuildId.of("100");
    private static final UserId USER = UserId.of("11");
    private static final Instant DAY = Instant.parse("2025-11-25T08:00:00Z");

    @TempDir
    Path directory;

    @Test
    void aSaveIsSearchableByTheNextSearch() {
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            for (int i = 0; i < 20; i++) {
                archive.save(conversation(String.valueOf(i), GUILD, USER, DAY.plusSeconds(i), "note number " + i));
                assertThat(search(archive, ArchiveQuery.ALL.containing("number")).items()).hasSize(i + 1);
            }
        }
    }

    @Test
    void aReSaveReplacesItsEntry() {
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            Conversation first = conversation("1", GUILD, USER, DAY, "the first draft");
            String name = archive.save(first);
            String again = archive.save(Conversations.withReply(first, "a second thought"));

            assertThat(again).isEqualTo(name);
            ArchivePage page = search(archive, ArchiveQuery.ALL);
            assertThat(page.items()).singleElement().satisfies(hit -> {
                assertThat(hit.conversation().fileName()).isEqualTo(name);
                assertThat(hit.conversation().messageCount()).isEqualTo(2);
            });
            assertThat(threads(search(archive, ArchiveQuery.ALL.containing("second thought")))).containsExactly("1");
        }
    }

    @Test
    void aLateSaveOfAnOlderStateLeavesTheEntryAsTheFileIs() {
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            Conversation first = conversation("1", GUILD, USER, DAY, "the first draft");
            archive.save(Conversations.withReply(first, "a second thought"));
            archive.save(first);

            assertThat(search(archive, ArchiveQuery.ALL).items().getFirst().conversation().messageCount()).isEqualTo(2);
        }
    }

    @Test
    void conversationsUnderCollisionNamesEachHaveTheirEntry() {
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            List<String> names = List.of(
                    archive.save(Conversations.inThread("7", Instant.parse("2025-11-25T08:00:00Z"))),
                    archive.save(Conversations.inThread("8", Instant.parse("2025-11-25T08:00:00Z"))),
                    archive.save(Conversations.inThread("7", Instant.parse("2025-11-25T09:00:00Z"))));

            assertThat(names).containsExactly(
                    "2025-11-25_conversation-with-123456789012345678-in-987654321.json",
                    "2025-11-25_conversation-with-123456789012345678-in-987654321_thread-8.json",
                    "2025-11-25_conversation-with-123456789012345678-in-987654321_thread-7.json");
            assertThat(search(archive, ArchiveQuery.ALL).items()).extracting(hit -> hit.conversation().fileName())
                    .containsExactlyInAnyOrderElementsOf(names);
            archive.save(Conversations.withReply(Conversations.inThread("8", Instant.parse("2025-11-25T08:00:00Z")), "more"));
            assertThat(search(archive, ArchiveQuery.ALL).items()).hasSize(3);
        }
    }

    @Test
    void aMissingIndexIsBuiltFromTheFiles() {
        JsonFileConversationArchive plain = new JsonFileConversationArchive(directory);
        for (int i = 0; i < 30; i++) {
            plain.save(conversation(String.valueOf(i), GUILD, USER, DAY.plusSeconds(i), "archived before the index existed"));
        }

        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            ArchivePage page = search(archive, ArchiveQuery.ALL.containing("before"));
            assertThat(page.items()).hasSize(30);
            assertThat(page.partial()).isFalse();
            assertThat(index(archive).status().filesRead()).isEqualTo(30);
        }
    }

    @Test
    void aDeletedIndexIsRebuiltAtTheNextStart() throws IOException {
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            for (int i = 0; i < 10; i++) {
                archive.save(conversation(String.valueOf(i), GUILD, USER, DAY.plusSeconds(i), "kept in the files"));
            }
        }
        deleteRecursively(directory.resolve(ArchiveIndex.DIRECTORY_NAME));

        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            assertThat(search(archive, ArchiveQuery.ALL.containing("files")).items()).hasSize(10);
        }
    }

    @Test
    void aCorruptIndexIsRebuilt() throws IOException {
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            for (int i = 0; i < 10; i++) {
                archive.save(conversation(String.valueOf(i), GUILD, USER, DAY.plusSeconds(i), "survives a broken index"));
            }
        }
        try (Stream<Path> files = Files.list(directory.resolve(ArchiveIndex.DIRECTORY_NAME))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
            }
        }

        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            assertThat(search(archive, ArchiveQuery.ALL.containing("broken")).items()).hasSize(10);
            assertThat(index(archive).status().filesRead()).isEqualTo(10);
        }
    }

    @Test
    void reopeningACompleteIndexReadsNoUnchangedFile() {
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            for (int i = 0; i < 10; i++) {
                archive.save(conversation(String.valueOf(i), GUILD, USER, DAY.plusSeconds(i), "indexed once"));
            }
        }
        new JsonFileConversationArchive(directory).save(conversation("99", GUILD, USER, DAY, "written while no index was open"));

        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            assertThat(index(archive).status().filesRead()).isEqualTo(1);
            assertThat(search(archive, ArchiveQuery.ALL).items()).hasSize(11);
        }
    }

    @Test
    void searchesDuringARebuildSayPartialAndTheStatusShowsProgress() throws Exception {
        JsonFileConversationArchive plain = new JsonFileConversationArchive(directory);
        for (int i = 0; i < 20; i++) {
            plain.save(conversation(String.valueOf(i), GUILD, USER, DAY.plusSeconds(i), "slowly indexed"));
        }
        CountDownLatch fiveDone = new CountDownLatch(5);
        CountDownLatch goOn = new CountDownLatch(1);
        ArchiveIndex.PassObserver holdAfterFive = name -> {
            if (fiveDone.getCount() == 0) {
                goOn.await();
            }
            fiveDone.countDown();
        };
        try (JsonFileConversationArchive archive = new JsonFileConversationArchive(directory, Optional.of(IndexedArchives.QUIET), holdAfterFive)) {
            try {
                assertThat(fiveDone.await(30, TimeUnit.SECONDS)).isTrue();
                await("five files indexed", () -> index(archive).status().filesIndexed() >= 5);
                ArchiveIndexStatus status = index(archive).status();
                assertThat(status.state()).isEqualTo(State.REBUILDING);
                assertThat(status.partial()).isTrue();
                assertThat(status.filesTotal()).isEqualTo(20);
                assertThat(status.filesIndexed()).isBetween(5L, 19L);
                assertThat(status.startedAt()).isPresent();
                ArchivePage during = search(archive, ArchiveQuery.ALL);
                assertThat(during.partial()).isTrue();
                assertThat(during.items().size()).isLessThan(20);
            } finally {
                goOn.countDown();
            }
            awaitState(archive, State.READY);
            ArchivePage after = search(archive, ArchiveQuery.ALL);
            assertThat(after.partial()).isFalse();
            assertThat(after.items()).hasSize(20);
            assertThat(index(archive).status()).satisfies(status -> {
                assertThat(status.filesIndexed()).isEqualTo(20);
                assertThat(status.filesTotal()).isEqualTo(20);
            });
        }
    }

    @Test
    void savesDuringARebuildAreNeitherLostNorDuplicated() throws Exception {
        JsonFileConversationArchive plain = new JsonFileConversationArchive(directory);
        List<Conversation> conversations = IntStream.range(0, 30)
                .mapToObj(i -> conversation(String.valueOf(i), GUILD, USER, DAY.plusSeconds(i), "first version")).toList();
        conversations.forEach(plain::save);
        CountDownLatch fiveDone = new CountDownLatch(5);
        CountDownLatch goOn = new CountDownLatch(1);
        ArchiveIndex.PassObserver holdAfterFive = name -> {
            if (fiveDone.getCount() == 0) {
                goOn.await();
            }
            fiveDone.countDown();
        };
        ArchiveIndexSettings noWatch = IndexedArchives.QUIET.withWatch(false);
        try (JsonFileConversationArchive archive = new JsonFileConversationArchive(directory, Optional.of(noWatch), holdAfterFive)) {
            try {
                assertThat(fiveDone.await(30, TimeUnit.SECONDS)).isTrue();
                // Some of these files the rebuild has indexed already, the others it reaches later, after
                // another instance changed them once more.
                for (Conversation c : conversations) {
                    Conversation second = Conversations.withReply(c, "second version");
                    archive.save(second);
                    plain.save(Conversations.withReply(second, "third version"));
                }
                archive.save(conversation("99", GUILD, USER, DAY.plusSeconds(99), "new during the rebuild"));
            } finally {
                goOn.countDown();
            }
            awaitState(archive, State.READY);

            ArchivePage page = search(archive, ArchiveQuery.ALL);
            assertThat(page.items()).extracting(hit -> hit.conversation().fileName()).doesNotHaveDuplicates().hasSize(31);
            assertThat(search(archive, ArchiveQuery.ALL.containing("\"second version\"")).items()).hasSize(30);
            assertThat(index(archive).status().filesIndexed()).isEqualTo(31);
        }
    }

    @Test
    void aFileSavedByAnotherArchiveInstanceIsFoundByTheWatch() {
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            JsonFileConversationArchive another = new JsonFileConversationArchive(directory);
            another.save(conversation("42", GUILD, USER, DAY, "written by another instance"));

            await("the other instance's file is found", () -> threads(search(archive, ArchiveQuery.ALL.containing("another"))).equals(List.of("42")));
        }
    }

    @Test
    void aFileSavedByAnotherArchiveInstanceIsFoundByTheScanWithoutAWatch() {
        ArchiveIndexSettings scanOnly = IndexedArchives.QUIET.withWatch(false).withScanInterval(Duration.ofMillis(200));
        try (JsonFileConversationArchive archive = IndexedArchives.open(directory, scanOnly)) {
            awaitState(archive, State.READY);
            JsonFileConversationArchive another = new JsonFileConversationArchive(directory);
            another.save(conversation("42", GUILD, USER, DAY, "written by another instance"));
            another.save(Conversations.withReply(conversation("42", GUILD, USER, DAY, "written by another instance"), "and again"));

            await("the other instance's re-save is found", () -> search(archive, ArchiveQuery.ALL.containing("again")).items().size() == 1);
            assertThat(search(archive, ArchiveQuery.ALL).items()).singleElement()
                    .satisfies(hit -> assertThat(hit.conversation().messageCount()).isEqualTo(2));
        }
    }

    @Test
    void periodicScansReadOnlyChangedFiles() {
        ArchiveIndexSettings scanOnly = IndexedArchives.QUIET.withWatch(false).withScanInterval(Duration.ofMillis(100));
        JsonFileConversationArchive plain = new JsonFileConversationArchive(directory);
        IntStream.range(0, 30).forEach(i -> plain.save(conversation(String.valueOf(i), GUILD, USER, DAY.plusSeconds(i), "old news")));
        try (JsonFileConversationArchive archive = IndexedArchives.open(directory, scanOnly)) {
            awaitState(archive, State.READY);
            assertThat(index(archive).status().filesRead()).isEqualTo(30);

            plain.save(conversation("100", GUILD, USER, DAY, "fresh news"));
            await("the new file is found", () -> search(archive, ArchiveQuery.ALL.containing("fresh")).items().size() == 1);
            plain.save(conversation("101", GUILD, USER, DAY, "fresher news"));
            await("the next new file is found", () -> search(archive, ArchiveQuery.ALL.containing("fresher")).items().size() == 1);

            // Files written within the last minute are looked at again by each scan, but none is read again unchanged.
            assertThat(index(archive).status().filesRead()).isEqualTo(32);
        }
    }

    @Test
    void aDeletedFileLeavesTheIndex() throws IOException {
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            String name = archive.save(conversation("1", GUILD, USER, DAY, "soon gone"));
            archive.save(conversation("2", GUILD, USER, DAY.plusSeconds(1), "staying"));
            Files.delete(directory.resolve(name));

            await("the deleted file's entry is gone", () -> threads(search(archive, ArchiveQuery.ALL)).equals(List.of("2")));
        }
    }

    @Test
    void aDeletedFileLeavesTheIndexByTheScanWithoutAWatch() throws IOException {
        ArchiveIndexSettings scanOnly = IndexedArchives.QUIET.withWatch(false).withScanInterval(Duration.ofMillis(100));
        try (JsonFileConversationArchive archive = IndexedArchives.open(directory, scanOnly)) {
            awaitState(archive, State.READY);
            String name = archive.save(conversation("1", GUILD, USER, DAY, "soon gone"));
            archive.save(conversation("2", GUILD, USER, DAY.plusSeconds(1), "staying"));
            Files.delete(directory.resolve(name));

            await("the deleted file's entry is gone", () -> threads(search(archive, ArchiveQuery.ALL)).equals(List.of("2")));
        }
    }

    @Test
    void unreadableFilesAreCountedButNeverFound() throws IOException {
        Files.writeString(directory.resolve("2025-11-01_conversation-with-1-in-2.json"), "{ \"created_at\": ");
        Files.writeString(directory.resolve(EchoExamples.FILE_NAME), GoldenFileTest.golden("echo-conversation.json"));

        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            ArchivePage page = search(archive, ArchiveQuery.ALL);
            assertThat(page.items()).extracting(ArchiveHit::conversation).singleElement().satisfies(line -> {
                assertThat(line.fileName()).isEqualTo(EchoExamples.FILE_NAME);
                assertThat(line.threadId()).isEmpty();
            });
            assertThat(index(archive).status()).satisfies(status -> {
                assertThat(status.unreadableFiles()).isEqualTo(1);
                assertThat(status.filesIndexed()).isEqualTo(2);
            });
        }
    }

    @Test
    void twoIndexedArchivesOnOneDirectoryShareOneIndex() {
        try (JsonFileConversationArchive first = IndexedArchives.openReady(directory);
                JsonFileConversationArchive second = IndexedArchives.open(directory)) {
            assertThat(index(second)).isSameAs(index(first));
            second.save(conversation("1", GUILD, USER, DAY, "seen by both at once"));
            assertThat(search(first, ArchiveQuery.ALL.containing("both")).items()).hasSize(1);
        }
    }

    @Test
    void theFilesStayByteForByteWhatTheArchiveWrites() throws IOException {
        Path plainDirectory = Files.createDirectory(directory.resolve("plain"));
        Path indexedDirectory = Files.createDirectory(directory.resolve("indexed"));
        Conversation document = EchoExamples.documentConversation();
        String plainName = new JsonFileConversationArchive(plainDirectory).save(document);
        String indexedName;
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(indexedDirectory)) {
            indexedName = archive.save(document);
        }

        assertThat(indexedName).isEqualTo(plainName);
        assertThat(Files.readAllBytes(indexedDirectory.resolve(indexedName))).isEqualTo(Files.readAllBytes(plainDirectory.resolve(plainName)));
        assertThat(new JsonFileConversationArchive(indexedDirectory).list(ArchiveQuery.ALL).unreadable()).isEmpty();
    }

    @Test
    void anotherProcessSearchesTheMaintainersCommitsAndTakesOverWhenItStops() throws Exception {
        Path go = directory.resolveSibling(directory.getFileName() + ".go");
        Process child;
        try (JsonFileConversationArchive archive = IndexedArchives.openReady(directory)) {
            archive.save(Conversations.inThread("2001", Instant.parse("2025-11-25T08:00:00Z")));
            child = ConcurrencyTest.ChildJvm.start("follower", directory.toString(), go.toString());
            // The child's own save reaches this process's index through the watch.
            await("the other process's save", () -> search(archive, ArchiveQuery.ALL).items().size() == 2 || !child.isAlive());
            assertThat(index(archive).status().maintainer()).isTrue();
        }
        Files.createFile(go);
        try {
            ConcurrencyTest.ChildJvm.Result result = ConcurrencyTest.ChildJvm.await(child);
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("following", "found both", "took over, found 3");
        } finally {
            Files.deleteIfExists(go);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

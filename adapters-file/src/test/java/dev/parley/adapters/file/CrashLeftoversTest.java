package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.testing.EchoExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files of saves a crash interrupted are removed when an archive is opened; running saves are never touched. */
class CrashLeftoversTest {

    @TempDir
    Path directory;

    @Test
    void openingTheArchiveRemovesTheTemporaryFilesOfInterruptedSavesAndNothingElse() throws IOException {
        new JsonFileConversationArchive(directory).save(EchoExamples.documentConversation());
        Path leftover = Files.writeString(directory.resolve(".tmp-" + EchoExamples.FILE_NAME + ".1f2e3d.part"), "{\"half\": ");
        Path notes = Files.writeString(directory.resolve("notes.txt"), "kept");
        Path similar = Files.writeString(directory.resolve(".tmp-notes"), "kept: not a save's temporary file");
        Path directoryNamedLikeOne = Files.createDirectory(directory.resolve(".tmp-odd.part"));

        JsonFileConversationArchive reopened = new JsonFileConversationArchive(directory);

        assertThat(leftover).doesNotExist();
        assertThat(notes).exists();
        assertThat(similar).exists();
        assertThat(directoryNamedLikeOne).isDirectory();
        assertThat(reopened.load(EchoExamples.FILE_NAME)).isPresent();
        assertThat(reopened.list(ArchiveQuery.ALL).conversations()).hasSize(1);
    }

    /** Each opening sweeps for leftovers; if it did so without the saves' lock, it would delete a save's file mid-write. */
    @Test
    void openingArchivesWhileOthersSaveNeverBreaksASave() throws Exception {
        JsonFileConversationArchive saving = new JsonFileConversationArchive(directory);
        AtomicBoolean saved = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> savers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int first = 1_000 + t * 100;
                savers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        saving.save(Conversations.inThread(String.valueOf(first + i), Instant.parse("2025-11-25T10:00:00Z")));
                        saved.set(true);
                    }
                    return null;
                }));
            }
            while (!saved.get()) {
                Thread.onSpinWait();
            }
            int opened = 0;
            while (!savers.stream().allMatch(Future::isDone)) {
                new JsonFileConversationArchive(directory);
                opened++;
            }
            assertThat(opened).as("archives opened while the saves ran").isPositive();
            for (Future<?> saver : savers) {
                saver.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(saving.list(ArchiveQuery.ALL).conversations()).hasSize(120);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).noneMatch(name -> name.startsWith(".tmp-"));
        }
    }
}

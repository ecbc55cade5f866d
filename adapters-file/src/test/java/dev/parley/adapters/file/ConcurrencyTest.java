package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Conversation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many savers on one directory, in one JVM and in several processes: none loses or overwrites another's file. */
class ConcurrencyTest {

    @TempDir
    Path directory;

    @Test
    void manyThreadsSavingCollidingConversationsLoseNoneAndOverwriteNone() throws Exception {
        Path otherSpelling = Files.createSymbolicLink(directory.resolveSibling(directory.getFileName() + "-link"), directory);
        try {
            // Two instances, two spellings of one directory: they must still share one lock.
            List<JsonFileConversationArchive> archives = List.of(
                    new JsonFileConversationArchive(directory), new JsonFileConversationArchive(otherSpelling));
            int threads = 8;
            int perThread = 10;
            Map<String, Conversation> savedUnder = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int process = t;
                results.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        Conversation conversation = ArchiveProcess.collidingConversation(process, i);
                        Conversation later = Conversations.withReply(conversation, "again");
                        String first = archives.get(i % 2).save(conversation);
                        String again = archives.get((i + 1) % 2).save(later);
                        assertThat(again).isEqualTo(first);
                        assertThat(savedUnder.put(first, later)).as("name %s given twice", first).isNull();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(savedUnder).hasSize(threads * perThread);
            assertThat(archiveFileNames()).containsExactlyInAnyOrderElementsOf(savedUnder.keySet());
            savedUnder.forEach((name, conversation) -> assertThat(archives.getFirst().load(name)
                    .flatMap(ArchivedTranscript::conversation)).as(name).contains(conversation));
            assertThat(tempFiles()).isEmpty();
        } finally {
            Files.delete(otherSpelling);
        }
    }

    @Test
    void twoProcessesSavingCollidingConversationsLoseNoneAndOverwriteNone() throws Exception {
        int perProcess = 20;
        Path go = directory.resolveSibling(directory.getFileName() + ".go");
        List<Process> processes = List.of(
                ChildJvm.start("colliding", directory.toString(), "0", String.valueOf(perProcess), go.toString()),
                ChildJvm.start("colliding", directory.toString(), "1", String.valueOf(perProcess), go.toString()));
        // Both JVMs must be running before either saves, or they would simply take turns.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(ArchiveProcess.readyFile(go, 0)) && Files.exists(ArchiveProcess.readyFile(go, 1)))) {
            assertThat(System.nanoTime()).as("children ready in time").isLessThan(deadline);
            assertThat(processes).as("children alive").allMatch(Process::isAlive);
            Thread.sleep(5);
        }
        Files.createFile(go);
        List<String> names = new ArrayList<>();
        for (Process process : processes) {
            ChildJvm.Result result = ChildJvm.await(process);
            assertThat(result.exitCode()).as(result.output()).isZero();
            names.addAll(result.output().lines().toList());
        }
        Files.delete(go);
        Files.delete(ArchiveProcess.readyFile(go, 0));
        Files.delete(ArchiveProcess.readyFile(go, 1));

        assertThat(names).hasSize(2 * perProcess).doesNotHaveDuplicates();
        ArchiveListing listing = new JsonFileConversationArchive(directory).list(ArchiveQuery.ALL);
        assertThat(listing.unreadable()).isEmpty();
        Set<String> expected = new HashSet<>();
        for (int process = 0; process < 2; process++) {
            for (int i = 0; i < perProcess; i++) {
                Conversation c = ArchiveProcess.collidingConversation(process, i);
                expected.add(c.threadId() + "@" + c.createdAt());
            }
        }
        assertThat(listing.conversations())
                .extracting(line -> line.threadId().orElseThrow() + "@" + line.createdAt())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(listing.conversations()).extracting(ArchivedConversation::messageCount).containsOnly(2);
        assertThat(tempFiles()).isEmpty();
    }

    private List<String> archiveFileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(ArchiveFileNames::isArchiveName).toList();
        }
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(JsonFileConversationArchive.TEMP_PREFIX)).toList();
        }
    }

    /** Runs {@link ArchiveProcess} in a fresh JVM with this test's class path. */
    static final class ChildJvm {

        record Result(int exitCode, String output) {
        }

        static Process start(String... args) throws IOException {
            return new ProcessBuilder(command(List.of(), args)).redirectErrorStream(true).start();
        }

        /** {@code shellPrefix} runs before the JVM in a shell (e.g. {@code ulimit -f 1}). */
        static Process startInShell(String shellPrefix, String... args) throws IOException {
            List<String> java = command(List.of(), args);
            String quoted = String.join(" ", java.stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'").toList());
            return new ProcessBuilder("/bin/sh", "-c", shellPrefix + " && exec " + quoted).redirectErrorStream(true).start();
        }

        static Result await(Process process) throws IOException, InterruptedException {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child JVM did not finish: " + output);
            }
            return new Result(process.exitValue(), output);
        }

        private static List<String> command(List<String> jvmOptions, String... args) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-XX:-UsePerfData");
            command.add("-XX:TieredStopAtLevel=1");
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ArchiveProcess.class.getName());
            command.addAll(List.of(args));
            return command;
        }
    }
}

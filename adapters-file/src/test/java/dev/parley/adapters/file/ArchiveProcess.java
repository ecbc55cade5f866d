package dev.parley.adapters.file;

import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.conversation.Conversation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Another Parley process sharing an archive directory: the cross-process tests start it as a child JVM. */
public final class ArchiveProcess {

    /** Exit status when the archive reported its storage unavailable. */
    static final int UNAVAILABLE = 3;

    private ArchiveProcess() {
    }

    /**
     * {@code colliding <dir> <process> <count> <go-file>}: says it is ready, waits for the go file, then saves and re-saves
     * {@code count} conversations of {@link #collidingConversation}; prints each file name.
     * {@code oversized <dir>}: saves the document conversation with a summary of 64 KiB.
     * {@code follower <dir> <go-file>}: opens the archive with its index while the test process maintains it, saves, finds
     * its own and the test's conversation through the maintainer's commits, then, once the go file exists (the test closed
     * its archive), takes the index over.
     */
    public static void main(String[] args) throws InterruptedException {
        Path directory = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "colliding" -> saveColliding(directory, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
                case "follower" -> follow(directory, Path.of(args[2]));
                case "oversized" -> new JsonFileConversationArchive(directory)
                        .save(dev.parley.domain.testing.EchoExamples.documentConversation().withSummary("x".repeat(64 * 1024)));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        } catch (StorageUnavailableException e) {
            System.out.println("unavailable: " + e.getMessage());
            System.exit(UNAVAILABLE);
        }
    }

    private static void follow(Path directory, Path go) throws InterruptedException {
        try (JsonFileConversationArchive archive = new JsonFileConversationArchive(directory,
                IndexedArchives.QUIET.withRefreshInterval(java.time.Duration.ofMillis(100)))) {
            ArchiveIndex index = archive.index().orElseThrow();
            IndexedArchives.await("following", () -> index.status().state() == ArchiveIndexStatus.State.FOLLOWING);
            System.out.println("following");
            archive.save(Conversations.inThread("2002", Instant.parse("2025-11-26T08:00:00Z")));
            IndexedArchives.await("both conversations through the maintainer", () -> index.search(
                    dev.parley.domain.archive.ArchiveQuery.ALL.containing("2001 | 2002"),
                    dev.parley.domain.archive.ArchivePageRequest.first()).items().size() == 2);
            System.out.println("found both");
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            IndexedArchives.await("maintaining", () -> index.status().maintainer()
                    && index.status().state() == ArchiveIndexStatus.State.READY);
            archive.save(Conversations.inThread("2003", Instant.parse("2025-11-27T08:00:00Z")));
            int found = index.search(dev.parley.domain.archive.ArchiveQuery.ALL, dev.parley.domain.archive.ArchivePageRequest.first())
                    .items().size();
            System.out.println("took over, found " + found);
        }
    }

    /** The {@code i}-th conversation of process {@code process}: ten threads, each restarted many times a day. */
    static Conversation collidingConversation(int process, int i) {
        return Conversations.inThread(String.valueOf(1000 + i % 10),
                Instant.parse("2025-11-25T08:00:00Z").plusMillis(process * 100_000L + i));
    }

    /** Created by process {@code process} once it is started and waits for {@code go}. */
    static Path readyFile(Path go, int process) {
        return go.resolveSibling(go.getFileName() + ".ready-" + process);
    }

    private static void saveColliding(Path directory, int process, int count, Path go) throws InterruptedException {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        try {
            Files.createFile(readyFile(go, process));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        while (!Files.exists(go)) {
            Thread.sleep(1);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Conversation conversation = collidingConversation(process, i);
            String first = archive.save(conversation);
            String again = archive.save(Conversations.withReply(conversation, "saved again"));
            if (!first.equals(again)) {
                throw new IllegalStateException("re-save moved " + first + " to " + again);
            }
            names.add(first);
        }
        names.forEach(System.out::println);
    }
}

package dev.parley.adapters.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For bootstrap's tests: opens the index of an archive directory first in this JVM, so that every
 * archive opened on that directory afterwards (a Parley started in the test) shares it, with a
 * hook that lets its full scans index {@code pauseAfter} files and then wait until {@link #resume()}.
 * A rebuild can so be watched half done, whatever the machine's speed. Lives in the adapter's
 * package for its package-private test hook.
 */
public final class PausedRebuild implements AutoCloseable {

    /** Never wait forever: a test that forgets to resume fails the scan instead of hanging. */
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    private final CountDownLatch resumed = new CountDownLatch(1);
    private final AtomicInteger seen = new AtomicInteger();
    private final int pauseAfter;
    private final JsonFileConversationArchive archive;

    private PausedRebuild(Path directory, int pauseAfter) {
        this.pauseAfter = pauseAfter;
        this.archive = new JsonFileConversationArchive(directory, Optional.of(ArchiveIndexSettings.defaults()), this::beforeFile);
    }

    /** Opens {@code directory}'s index (its first opening in this JVM) with scans pausing after {@code pauseAfter} files. */
    public static PausedRebuild open(Path directory, int pauseAfter) {
        return new PausedRebuild(directory, pauseAfter);
    }

    private void beforeFile(String name) throws InterruptedException {
        if (seen.incrementAndGet() > pauseAfter && !resumed.await(LONGEST_PAUSE.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("the paused rebuild was not resumed within " + LONGEST_PAUSE);
        }
    }

    public ArchiveIndexStatus status() {
        return archive.index().orElseThrow().status();
    }

    public void resume() {
        resumed.countDown();
    }

    /** Resumes, then gives up this opening of the index (the last one in the JVM closes it). */
    @Override
    public void close() {
        resume();
        archive.close();
    }
}

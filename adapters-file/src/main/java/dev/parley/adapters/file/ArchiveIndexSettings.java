package dev.parley.adapters.file;

import java.time.Duration;
import java.util.Objects;

/**
 * How the archive index keeps up with the directory.
 *
 * @param scanInterval how often the directory is scanned for files written by other processes
 *        that the directory watch did not report (only files changed since the previous scan are
 *        read; the rest cost one {@code stat} each)
 * @param refreshInterval how often changes are committed for other processes to see, and how often
 *        a process that does not maintain the index looks for the maintainer's new commits (or
 *        takes over when the maintainer is gone)
 * @param indexingThreads threads reading and indexing files during a full scan or rebuild
 * @param watch whether to watch the directory for files written by other processes (on platforms
 *        with a native watch: Linux inotify, Windows); the scan is the guarantee either way
 */
public record ArchiveIndexSettings(Duration scanInterval, Duration refreshInterval, int indexingThreads, boolean watch) {

    public ArchiveIndexSettings {
        requirePositive(scanInterval, "scanInterval");
        requirePositive(refreshInterval, "refreshInterval");
        if (indexingThreads < 1) {
            throw new IllegalArgumentException("indexingThreads must be at least 1, got " + indexingThreads);
        }
    }

    /** Scan every 5 minutes, commit and refresh every second, index with up to 2 threads, watch the directory. */
    public static ArchiveIndexSettings defaults() {
        return new ArchiveIndexSettings(Duration.ofMinutes(5), Duration.ofSeconds(1),
                Math.min(2, Runtime.getRuntime().availableProcessors()), true);
    }

    public ArchiveIndexSettings withScanInterval(Duration interval) {
        return new ArchiveIndexSettings(interval, refreshInterval, indexingThreads, watch);
    }

    public ArchiveIndexSettings withRefreshInterval(Duration interval) {
        return new ArchiveIndexSettings(scanInterval, interval, indexingThreads, watch);
    }

    public ArchiveIndexSettings withIndexingThreads(int threads) {
        return new ArchiveIndexSettings(scanInterval, refreshInterval, threads, watch);
    }

    public ArchiveIndexSettings withWatch(boolean enabled) {
        return new ArchiveIndexSettings(scanInterval, refreshInterval, indexingThreads, enabled);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name + " == null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}

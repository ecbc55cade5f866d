package dev.parley.adapters.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion for one archive directory, across threads and across processes: a JVM-wide lock
 * per directory, then an OS lock ({@link FileChannel#lock()}) on a lock file inside it.
 *
 * <p>The JVM-wide lock is shared by every archive instance on the same real directory because the
 * OS lock is held per process: a second channel of the same JVM asking for it would fail with
 * {@link java.nio.channels.OverlappingFileLockException} instead of waiting. The lock file is never
 * deleted: deleting it would let two processes lock two different files of the same name.
 */
final class DirectoryLock {

    static final String LOCK_FILE_NAME = ".parley-archive.lock";

    private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock inThisJvm;
    private final Path lockFile;

    /** {@code realDirectory} must be {@link Path#toRealPath} of an existing directory, so every spelling shares one lock. */
    DirectoryLock(Path realDirectory) {
        this.inThisJvm = IN_THIS_JVM.computeIfAbsent(realDirectory, directory -> new ReentrantLock());
        this.lockFile = realDirectory.resolve(LOCK_FILE_NAME);
    }

    /** Work done while holding the lock. */
    @FunctionalInterface
    interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding both locks; the OS lock is released when the channel closes, even on failure. */
    <T> T holding(Locked<T> work) throws IOException {
        inThisJvm.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.lock(); // released when the channel closes
            return work.run();
        } finally {
            inThisJvm.unlock();
        }
    }

    /** Creates the lock file if needed, proving the directory accepts new files. */
    void touch() throws IOException {
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
    }
}

package dev.parley.adapters.discord.bot;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs message handling off JDA's event thread, one virtual thread per message, with at most
 * {@code limit} messages in hand at once: handling blocks for the model and for paced replies, so
 * a flood would otherwise pile up threads and memory without bound. A message over the limit is
 * dropped (the event thread never waits), with a warning at most once a minute.
 */
final class BoundedHandling {

    private static final System.Logger LOG = System.getLogger(BoundedHandling.class.getName());
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final int limit;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("parley-discord-message-", 0).factory());
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    BoundedHandling(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one message must be handled at a time, got " + limit);
        }
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    /** Starts {@code task} if a slot is free; answers false (and counts a drop) otherwise or after {@link #drain}. */
    boolean submit(Runnable task) {
        if (!slots.tryAcquire()) {
            dropped(" (" + limit + " already in hand)");
            return false;
        }
        try {
            threads.execute(() -> {
                try {
                    task.run();
                } finally {
                    slots.release();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            slots.release();
            return false;
        }
    }

    /** Takes no more tasks and waits up to {@code timeout} for those in hand; answers whether all finished. */
    boolean drain(Duration timeout) throws InterruptedException {
        threads.shutdown();
        return threads.awaitTermination(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Interrupts the tasks still running (after a drain that timed out). */
    void abandon() {
        threads.shutdownNow();
    }

    /** Messages in hand now. */
    int inHand() {
        return limit - slots.availablePermits();
    }

    private void dropped(String why) {
        long count = dropped.incrementAndGet();
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
            LOG.log(System.Logger.Level.WARNING, "Discord messages arrive faster than Parley handles them: dropped {0} so far{1}",
                    count, why);
        }
    }
}

package dev.parley.application.conversation;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread that cleans up idle conversations: every interval (with a little
 * jitter, so instances sharing a store do not sweep in step) it runs
 * {@link ConversationService#cleanUpIdle()}. A failing sweep is logged and the next one runs as usual.
 */
public final class IdleSweeper implements AutoCloseable {

    private static final Logger LOG = System.getLogger(IdleSweeper.class.getName());

    private final ConversationService conversations;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;

    public IdleSweeper(ConversationService conversations, Duration interval) {
        this.conversations = Objects.requireNonNull(conversations, "conversations == null");
        this.interval = Objects.requireNonNull(interval, "interval == null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sweep interval must be positive, got " + interval);
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "parley-idle-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        // close() must not wait for the next sweep, which may be a whole interval away.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
    }

    /** Starts sweeping; the first sweep runs after one interval. */
    public IdleSweeper start() {
        schedule();
        return this;
    }

    private void schedule() {
        long base = interval.toMillis();
        long jitter = base >= 10 ? ThreadLocalRandom.current().nextLong(base / 10 + 1) : 0;
        try {
            scheduler.schedule(this::sweepThenReschedule, base + jitter, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // closed while a sweep was running: nothing more to schedule
        }
    }

    private void sweepThenReschedule() {
        try {
            conversations.cleanUpIdle();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "idle sweep failed; retrying in " + interval + ": " + e.getMessage(), e);
        } finally {
            schedule();
        }
    }

    /** Stops sweeping, waiting for a sweep under way to finish. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

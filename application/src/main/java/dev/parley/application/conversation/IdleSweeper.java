package dev.parley.application.conversation;

import dev.parley.application.port.in.SweepIdle;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread that drives {@link SweepIdle}: every interval (with a little jitter,
 * so instances sharing a store do not sweep in step) it runs one sweep. A failing sweep, an
 * {@link Error} included, is logged in one line and the next one runs as usual.
 */
public final class IdleSweeper implements AutoCloseable {

    /** How often to sweep unless configured otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = System.getLogger(IdleSweeper.class.getName());

    private final SweepIdle sweep;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;

    public IdleSweeper(SweepIdle sweep, Duration interval) {
        this(sweep, interval, runnable -> {
            Thread thread = new Thread(runnable, "parley-idle-sweeper");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A sweeper whose thread {@code threads} makes (tests watch it end). */
    IdleSweeper(SweepIdle sweep, Duration interval, ThreadFactory threads) {
        this.sweep = Objects.requireNonNull(sweep, "sweep == null");
        this.interval = Objects.requireNonNull(interval, "interval == null");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sweep interval must be positive, got " + interval);
        }
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
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
            sweep.sweep();
        } catch (RuntimeException | VirtualMachineError e) {
            // One line, no stack: the store's own failures say what failed (a Redis outage logs one
            // of these per interval until it ends). An Error is caught too: it must not end the
            // sweeping silently, and the conversations it concerns stay claimed for a retry.
            LOG.log(Level.WARNING, "idle sweep failed; retrying in {0} ms: {1}", String.valueOf(interval.toMillis()),
                    ArchiveFailures.describe(e));
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

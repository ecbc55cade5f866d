package dev.parley.bootstrap.metrics;

import dev.parley.application.port.in.SweepIdle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The idle sweep, counted: each run by outcome and its duration. While a run is under way its
 * thread is marked, so the archive's decorator can tell a sweep's failed write from a save on request.
 */
final class MeteredSweep implements SweepIdle {

    private static final ThreadLocal<Boolean> SWEEPING = new ThreadLocal<>();

    private final SweepIdle sweep;
    private final Timer completed;
    private final Counter failedRuns;

    MeteredSweep(SweepIdle sweep, MeterRegistry registry) {
        this.sweep = Objects.requireNonNull(sweep, "sweep == null");
        this.completed = Meters.latency("parley.sweeper.run", "Idle sweeps that ran to the end, how long each took").register(registry);
        this.failedRuns = Counter.builder("parley.sweeper.runs.failed")
                .description("Idle sweeps that stopped on an error (storage unavailable); the next runs as usual").register(registry);
    }

    /** Whether the calling thread is running an idle sweep now. */
    static boolean isSweeping() {
        return SWEEPING.get() != null;
    }

    @Override
    public int sweep() {
        long start = System.nanoTime();
        SWEEPING.set(Boolean.TRUE);
        try {
            int cleaned = sweep.sweep();
            completed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return cleaned;
        } catch (RuntimeException e) {
            failedRuns.increment();
            throw e;
        } finally {
            SWEEPING.remove();
        }
    }
}

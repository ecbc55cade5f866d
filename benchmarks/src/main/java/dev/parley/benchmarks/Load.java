package dev.parley.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/** Runs one operation in a closed loop on N threads and measures operations per second. */
final class Load {

    /** One writer's operation; {@code i} counts its calls. */
    @FunctionalInterface
    interface Operation {
        void run(long i) throws Exception;
    }

    private Load() {
    }

    /**
     * Runs {@code writers} threads, each calling its own operation as fast as it can: first for
     * {@code warmup} (not counted), then for {@code measure}.
     *
     * @return completed operations per second during the measured part
     */
    static double throughput(int writers, Duration warmup, Duration measure, IntFunction<Operation> operationOfWriter)
            throws InterruptedException {
        LongAdder completed = new LongAdder();
        CountDownLatch start = new CountDownLatch(1);
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long[] window = new long[2];
        StopFlag stop = new StopFlag();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            Operation operation = operationOfWriter.apply(w);
            Thread thread = Thread.ofPlatform().name("bench-writer-" + w).start(() -> {
                try {
                    start.await();
                    long i = 0;
                    while (!stop.value) {
                        operation.run(i++);
                        if (System.nanoTime() > warmupEnd) {
                            completed.increment();
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            threads.add(thread);
        }
        start.countDown();
        Thread.sleep(warmup.toMillis());
        completed.reset();
        window[0] = System.nanoTime();
        Thread.sleep(measure.toMillis());
        long done = completed.sum();
        window[1] = System.nanoTime();
        stop.value = true;
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a writer failed: " + failures.getFirst(), failures.getFirst());
        }
        return done / ((window[1] - window[0]) / 1e9);
    }

    private static final class StopFlag {
        volatile boolean value;
    }
}

package dev.parley.domain.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs workers on their own threads, released together so they really race; for concurrency tests. */
public final class Concurrently {

    /** One worker's body; {@code index} runs from 0 to count - 1. */
    @FunctionalInterface
    public interface Worker {
        void run(int index) throws Exception;
    }

    private Concurrently() {
    }

    /**
     * Starts {@code count} workers at the same moment and waits (two minutes at most) until all have
     * finished; the first failure is rethrown as it was thrown (an assertion error stays one).
     */
    public static void run(int count, Worker worker) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> done = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> {
                    start.await();
                    worker.run(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                try {
                    future.get(2, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.parley.adapters.discord.bot;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs message handling off JDA's event thread in lanes: the tasks of one lane (a channel or a
 * thread) one after the other, in the order they were submitted, on one virtual thread while the
 * lane has work; different lanes at the same time. So a channel's messages are recorded and
 * answered in the order Discord delivered them, and a slow channel holds up no other.
 *
 * <p>At most {@code limit} tasks are in hand at once, queued or running: handling blocks for the
 * model and for paced replies, so a flood would otherwise pile up memory without bound. A lane
 * holds at most {@code laneLimit} of them, so one busy channel, whose tasks queue behind each
 * other, drops its own excess and cannot take the slots every other channel needs. A task over
 * either limit is dropped (the event thread never waits), with a warning at most once a minute.
 */
final class BoundedHandling {

    private static final System.Logger LOG = System.getLogger(BoundedHandling.class.getName());
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final int limit;
    private final int laneLimit;
    private final BotObserver observer;
    private final Semaphore slots;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("parley-discord-message-", 0).factory());
    /** The lanes with work queued or running; a lane leaves the map when it runs dry. */
    private final ConcurrentHashMap<Long, ArrayDeque<Runnable>> lanes = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

    BoundedHandling(int limit) {
        this(limit, limit, BotObserver.NONE);
    }

    BoundedHandling(int limit, int laneLimit, BotObserver observer) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one message must be handled at a time, got " + limit);
        }
        if (laneLimit < 1) {
            throw new IllegalArgumentException("a channel must be allowed at least one message in hand, got " + laneLimit);
        }
        this.limit = limit;
        this.laneLimit = laneLimit;
        this.observer = Objects.requireNonNull(observer, "observer == null");
        this.slots = new Semaphore(limit);
    }

    /**
     * Queues {@code task} at the end of lane {@code lane} if a slot is free and the lane holds fewer
     * than {@code laneLimit}, starting the lane's thread when it had no work; answers false (and
     * counts a drop) otherwise or after {@link #drain}.
     */
    boolean submit(long lane, Runnable task) {
        Objects.requireNonNull(task, "task == null");
        if (!slots.tryAcquire()) {
            dropped(1, "messages arrive faster than Parley handles them (" + limit + " already in hand)");
            return false;
        }
        boolean[] first = new boolean[1];
        boolean[] full = new boolean[1];
        lanes.compute(lane, (key, queue) -> {
            if (queue != null && queue.size() >= laneLimit) {
                full[0] = true;
                return queue;
            }
            ArrayDeque<Runnable> tasks = queue == null ? new ArrayDeque<>() : queue;
            first[0] = queue == null;
            tasks.addLast(task);
            return tasks;
        });
        if (full[0]) {
            slots.release();
            // Names the channel (or thread) only: never a message's contents.
            dropped(1, "channel " + lane + " already has " + laneLimit + " of its messages in hand");
            return false;
        }
        if (!first[0]) {
            return true; // the lane's thread takes it after the tasks before it
        }
        try {
            threads.execute(() -> runLane(lane));
            return true;
        } catch (RejectedExecutionException e) {
            // Closing: nothing runs this lane any more; give its slots back.
            ArrayDeque<Runnable> abandoned = lanes.remove(lane);
            int lost = abandoned == null ? 1 : abandoned.size();
            slots.release(lost);
            dropped(lost, "the bot is closing");
            return false;
        }
    }

    /** Runs the lane's tasks in order until it is empty, then removes it (atomically with the last look). */
    private void runLane(long lane) {
        while (true) {
            Runnable[] next = new Runnable[1];
            lanes.computeIfPresent(lane, (key, queue) -> {
                next[0] = queue.peekFirst();
                return next[0] == null ? null : queue;
            });
            if (next[0] == null) {
                return;
            }
            try {
                next[0].run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "Handling a Discord message failed: {0}: {1}", e.getClass().getSimpleName(),
                        e.getMessage());
            } finally {
                // Taken off only now: while it runs, a new task for the lane queues behind it instead of starting a thread.
                lanes.computeIfPresent(lane, (key, queue) -> {
                    queue.pollFirst();
                    return queue;
                });
                slots.release();
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
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

    /** Messages in hand now, queued or running. */
    int inHand() {
        return limit - slots.availablePermits();
    }

    private void dropped(int lost, String why) {
        for (int i = 0; i < lost; i++) {
            observer.messageDropped();
        }
        long count = dropped.addAndGet(lost);
        long now = System.nanoTime();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARN_EVERY_NANOS)) {
            LOG.log(System.Logger.Level.WARNING, "Dropped Discord messages ({0} so far), the latest because {1}",
                    count, why);
        }
    }
}

package dev.parley.adapters.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lanes: one channel's messages in arrival order, one at a time; channels side by side; a bound on each and on all of them. */
class BoundedHandlingTest {

    private static final long WAIT_SECONDS = 30;

    @Test
    void aLanesTasksRunOneAfterTheOtherWhileAnotherLaneRuns() throws Exception {
        BoundedHandling handling = new BoundedHandling(100);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherLaneDone = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);

        handling.submit(1, () -> {
            events.add("first started");
            await(release);
            events.add("first finished");
        });
        handling.submit(1, () -> {
            events.add("second");
            secondDone.countDown();
        });
        handling.submit(2, () -> {
            events.add("other lane");
            otherLaneDone.countDown();
        });

        assertThat(otherLaneDone.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("another lane runs while the first is held").isTrue();
        release.countDown();
        assertThat(secondDone.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<String> seen = List.copyOf(events);
        assertThat(seen.indexOf("second")).as("in %s", seen).isGreaterThan(seen.indexOf("first finished"));
        assertThat(handling.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
    }

    @Test
    void manyTasksOfOneLaneRunInTheOrderSubmitted() throws Exception {
        BoundedHandling handling = new BoundedHandling(1_000);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(500);

        for (int i = 0; i < 500; i++) {
            int n = i;
            // Two lanes interleaved: each keeps its own order.
            assertThat(handling.submit(n % 2, () -> {
                order.add(n);
                done.countDown();
            })).isTrue();
        }

        assertThat(done.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<Integer> seen = List.copyOf(order);
        assertThat(seen.stream().filter(n -> n % 2 == 0).toList()).isEqualTo(IntStream.range(0, 500).filter(n -> n % 2 == 0).boxed().toList());
        assertThat(seen.stream().filter(n -> n % 2 == 1).toList()).isEqualTo(IntStream.range(0, 500).filter(n -> n % 2 == 1).boxed().toList());
        assertThat(handling.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
        assertThat(handling.inHand()).isZero();
    }

    @Test
    void queuedTasksCountAgainstTheBoundAndADroppedOneIsObserved() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        BoundedHandling handling = new BoundedHandling(2, 2, new BotObserver() {
            @Override
            public void messageDropped() {
                dropped.incrementAndGet();
            }
        });
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch queuedRan = new CountDownLatch(1);

        assertThat(handling.submit(7, () -> await(release))).isTrue();
        assertThat(handling.submit(7, queuedRan::countDown)).isTrue();
        assertThat(handling.submit(8, () -> { })).as("two in hand, one of them queued").isFalse();
        assertThat(dropped).hasValue(1);

        release.countDown();
        assertThat(queuedRan.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(handling.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
        assertThat(handling.inHand()).isZero();
    }

    @Test
    void aFloodedLaneDropsItsOwnExcessAndLeavesRoomForTheOthers() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        BoundedHandling handling = new BoundedHandling(10, 3, new BotObserver() {
            @Override
            public void messageDropped() {
                dropped.incrementAndGet();
            }
        });
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherLanesRan = new CountDownLatch(5);

        // One busy channel: its first message holds the lane (a slow model), the rest queue behind it.
        assertThat(handling.submit(1, () -> await(release))).isTrue();
        int accepted = 1;
        for (int i = 0; i < 20; i++) {
            accepted += handling.submit(1, () -> { }) ? 1 : 0;
        }
        assertThat(accepted).as("the flooded channel keeps at most its own limit").isEqualTo(3);
        assertThat(dropped).as("each of its excess messages is observed as dropped").hasValue(18);

        for (long lane = 2; lane <= 6; lane++) {
            assertThat(handling.submit(lane, otherLanesRan::countDown)).as("lane %d", lane).isTrue();
        }
        assertThat(otherLanesRan.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("other channels run while the busy one is held").isTrue();
        assertThat(dropped).hasValue(18);

        release.countDown();
        assertThat(handling.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();
        assertThat(handling.inHand()).isZero();
    }

    @Test
    void aTaskRefusedWhileClosingIsObservedAsDropped() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        BoundedHandling handling = new BoundedHandling(10, 10, new BotObserver() {
            @Override
            public void messageDropped() {
                dropped.incrementAndGet();
            }
        });
        assertThat(handling.drain(Duration.ofSeconds(WAIT_SECONDS))).isTrue();

        assertThat(handling.submit(1, () -> { })).isFalse();
        assertThat(dropped).hasValue(1);
        assertThat(handling.inHand()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

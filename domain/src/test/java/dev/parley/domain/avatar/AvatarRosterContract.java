package dev.parley.domain.avatar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.RequestId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AvatarRoster} must have (its Javadoc is the specification). An
 * adapter's test extends this class, builds a roster over fresh, empty state with the given cap,
 * and lets the roster's clock move on.
 *
 * <p>Where the order of activity matters the tests let {@link #step()} pass between calls, so an
 * adapter with a coarse or real clock sees distinct activity times.
 */
public abstract class AvatarRosterContract {

    protected static final ChannelId CHANNEL = ChannelId.of("2100");
    protected static final ChannelId OTHER_CHANNEL = ChannelId.of("2200");

    /** A roster over fresh, empty state keeping at most {@code maxActive} avatars active per channel. */
    protected abstract AvatarRoster newRoster(int maxActive);

    /** Lets {@code duration} pass on the roster's clock. */
    protected abstract void elapse(Duration duration);

    /**
     * A roster sharing {@code roster}'s state, as another instance of the service would. The race
     * test splits its callers between the two. An adapter whose state lives in one process returns
     * {@code roster} itself.
     */
    protected AvatarRoster sharingStateWith(AvatarRoster roster) {
        return roster;
    }

    /** The time let pass between calls whose order matters. */
    protected Duration step() {
        return Duration.ofMillis(5);
    }

    protected static AvatarId avatar(int n) {
        return AvatarId.of("avatar-" + n);
    }

    private List<Activation> activateInTurn(AvatarRoster roster, int from, int to) {
        List<Activation> activations = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            activations.add(roster.activate(CHANNEL, avatar(n)));
            elapse(step());
        }
        return activations;
    }

    @Test
    void anActivatedAvatarIsActiveFromNow() {
        AvatarRoster roster = newRoster(8);

        Activation activation = roster.activate(CHANNEL, avatar(1));

        assertThat(activation.newlyActive()).isTrue();
        assertThat(activation.deactivated()).isEmpty();
        assertThat(activation.active()).hasSize(1);
        Presence presence = activation.active().getFirst();
        assertThat(presence.avatar()).isEqualTo(avatar(1));
        assertThat(presence.lastActivityAt()).isEqualTo(presence.activatedAt());
        assertThat(presence.deactivatedAt()).isEmpty();
        assertThat(roster.active(CHANNEL)).isEqualTo(activation.active());
    }

    @Test
    void activatingAnActiveAvatarOnlyTouchesIt() {
        AvatarRoster roster = newRoster(8);
        Presence first = roster.activate(CHANNEL, avatar(1)).active().getFirst();
        elapse(step());

        Activation again = roster.activate(CHANNEL, avatar(1));

        assertThat(again.newlyActive()).isFalse();
        assertThat(again.deactivated()).isEmpty();
        Presence touched = again.active().getFirst();
        assertThat(touched.activatedAt()).isEqualTo(first.activatedAt());
        assertThat(touched.lastActivityAt()).isAfter(first.lastActivityAt());
    }

    @Test
    void activeAvatarsAreListedMostRecentlyActiveFirst() {
        AvatarRoster roster = newRoster(8);
        activateInTurn(roster, 1, 4);
        roster.touch(CHANNEL, avatar(2));

        assertThat(roster.active(CHANNEL)).extracting(Presence::avatar).containsExactly(avatar(2), avatar(4), avatar(3), avatar(1));
    }

    @Test
    void givenEightActive_whenANinthIsActivated_thenTheStalestIsDeactivated() {
        AvatarRoster roster = newRoster(8);
        activateInTurn(roster, 1, 8);
        roster.touch(CHANNEL, avatar(1));
        elapse(step());
        Presence stalest = roster.active(CHANNEL).getLast();

        Activation ninth = roster.activate(CHANNEL, avatar(9));

        assertThat(stalest.avatar()).isEqualTo(avatar(2));
        assertThat(ninth.newlyActive()).isTrue();
        assertThat(ninth.deactivatedIds()).containsExactly(avatar(2));
        Presence gone = ninth.deactivated().getFirst();
        assertThat(gone.activatedAt()).isEqualTo(stalest.activatedAt());
        assertThat(gone.lastActivityAt()).isEqualTo(stalest.lastActivityAt());
        assertThat(gone.deactivatedAt()).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(stalest.lastActivityAt()));
        assertThat(ninth.activeIds()).hasSize(8).startsWith(avatar(9), avatar(1)).doesNotContain(avatar(2));
        assertThat(roster.active(CHANNEL)).isEqualTo(ninth.active());
    }

    @Test
    void aRotatedOutAvatarComesBackWithAFreshPresence() {
        AvatarRoster roster = newRoster(2);
        Presence firstTime = roster.activate(CHANNEL, avatar(1)).active().getFirst();
        elapse(step());
        activateInTurn(roster, 2, 3);

        Activation back = roster.activate(CHANNEL, avatar(1));

        assertThat(back.newlyActive()).isTrue();
        assertThat(back.deactivatedIds()).containsExactly(avatar(2));
        Presence again = back.active().getFirst();
        assertThat(again.avatar()).isEqualTo(avatar(1));
        assertThat(again.activatedAt()).isAfter(firstTime.activatedAt());
        assertThat(again.deactivatedAt()).isEmpty();
    }

    @Test
    void touchingKeepsAnAvatarFromRotation() {
        AvatarRoster roster = newRoster(3);
        activateInTurn(roster, 1, 3);
        roster.touch(CHANNEL, avatar(1));
        elapse(step());

        assertThat(roster.activate(CHANNEL, avatar(4)).deactivatedIds()).containsExactly(avatar(2));
    }

    @Test
    void touchingAnInactiveAvatarActivatesIt() {
        AvatarRoster roster = newRoster(1);
        roster.activate(CHANNEL, avatar(1));
        elapse(step());

        Activation touched = roster.touch(CHANNEL, avatar(2));

        assertThat(touched.newlyActive()).isTrue();
        assertThat(touched.activeIds()).containsExactly(avatar(2));
        assertThat(touched.deactivatedIds()).containsExactly(avatar(1));
    }

    @Test
    void channelsKeepTheirOwnRosters() {
        AvatarRoster roster = newRoster(2);
        activateInTurn(roster, 1, 2);

        Activation other = roster.activate(OTHER_CHANNEL, avatar(3));

        assertThat(other.deactivated()).isEmpty();
        assertThat(other.activeIds()).containsExactly(avatar(3));
        assertThat(roster.active(CHANNEL)).extracting(Presence::avatar).containsExactly(avatar(2), avatar(1));
        assertThat(roster.active(ChannelId.of("2300"))).isEmpty();
    }

    /**
     * Sixteen threads, split over two instances, activate twenty avatars at random in one channel
     * while a seventeenth watches:
     * no observation shows more than the cap, and every deactivation is reported exactly once (each
     * avatar's activations minus its deactivations is 1 if it ends active, 0 otherwise).
     */
    @Test
    void racingActivationsNeverExceedTheCapAndReportEachDeactivationOnce() throws Exception {
        int cap = 8;
        AvatarRoster roster = newRoster(cap);
        AvatarRoster[] instances = {roster, sharingStateWith(roster)};
        int threads = 16;
        int perThread = 200;
        record Call(AvatarId avatar, Activation activation) {
        }
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> observedSizes = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        Map<AvatarId, Integer> activatedAs = new HashMap<>();
        try {
            Future<?> observer = pool.submit(() -> {
                start.await();
                while (running.get()) {
                    List<Presence> seen = roster.active(CHANNEL);
                    observedSizes.add(seen.size());
                    assertThat(seen).extracting(Presence::avatar).doesNotHaveDuplicates();
                    Thread.sleep(0, 100_000);
                }
                return null;
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AvatarRoster instance = instances[t % 2];
                workers.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < perThread; i++) {
                        AvatarId chosen = avatar(random.nextInt(20));
                        Activation a = instance.activate(CHANNEL, chosen);
                        assertThat(a.active()).hasSizeLessThanOrEqualTo(cap);
                        assertThat(a.activeIds()).contains(chosen);
                        calls.add(new Call(chosen, a));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : workers) {
                f.get(60, TimeUnit.SECONDS);
            }
            running.set(false);
            observer.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(observedSizes).isNotEmpty().allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(cap));
        Map<AvatarId, Integer> balance = new HashMap<>();
        for (Call call : calls) {
            AvatarId activated = call.avatar();
            Activation a = call.activation();
            if (a.newlyActive()) {
                balance.merge(activated, 1, Integer::sum);
                activatedAs.merge(activated, 1, Integer::sum);
            }
            for (AvatarId gone : a.deactivatedIds()) {
                balance.merge(gone, -1, Integer::sum);
            }
        }
        Set<AvatarId> finallyActive = new HashSet<>(roster.active(CHANNEL).stream().map(Presence::avatar).toList());
        assertThat(finallyActive).hasSize(cap);
        IntStream.range(0, 20).mapToObj(AvatarRosterContract::avatar).forEach(avatar ->
                assertThat(balance.getOrDefault(avatar, 0)).as("activations minus deactivations of %s", avatar)
                        .isEqualTo(finallyActive.contains(avatar) ? 1 : 0));
        assertThat(activatedAs.values().stream().mapToInt(Integer::intValue).sum()).as("rotations happened")
                .isGreaterThan(cap);
    }

    /**
     * A roster sharing {@code roster}'s state whose cap is {@code cap}: what instances sharing a
     * roster see after some restarted with a lower setting.
     */
    protected abstract AvatarRoster withCap(AvatarRoster roster, int cap);

    @Test
    void aRetryOfAnIdentifiedActivationAnswersWhatTheFirstRunDidAndChangesNothing() {
        AvatarRoster roster = newRoster(2);
        activateInTurn(roster, 1, 2);
        RequestId request = RequestId.of("1300000000000000001");

        Activation first = roster.activate(CHANNEL, avatar(3), request);
        elapse(step());
        Activation retry = roster.activate(CHANNEL, avatar(3), request);

        assertThat(first.deactivatedIds()).containsExactly(avatar(1));
        assertThat(retry).isEqualTo(first);
        assertThat(roster.active(CHANNEL)).isEqualTo(first.active());
        Activation other = roster.touch(CHANNEL, avatar(3), RequestId.of("1300000000000000002"));
        assertThat(other.newlyActive()).as("another request runs afresh").isFalse();
        assertThat(other.active().getFirst().lastActivityAt()).isAfter(first.active().getFirst().lastActivityAt());
    }

    @Test
    void anIdentifiedActivationIsPerChannel() {
        AvatarRoster roster = newRoster(8);
        RequestId request = RequestId.of("1300000000000000003");

        roster.activate(CHANNEL, avatar(1), request);
        Activation elsewhere = roster.activate(OTHER_CHANNEL, avatar(2), request);

        assertThat(elsewhere.activeIds()).containsExactly(avatar(2));
    }

    @Test
    void aLoweredCapListsTheMostRecentlyActiveAndTheNextActivationDeactivatesTheRest() {
        AvatarRoster roster = newRoster(5);
        activateInTurn(roster, 1, 5);
        AvatarRoster lowered = withCap(roster, 3);

        assertThat(lowered.active(CHANNEL)).extracting(Presence::avatar).containsExactly(avatar(5), avatar(4), avatar(3));
        Activation touch = lowered.touch(CHANNEL, avatar(4));

        assertThat(touch.deactivatedIds()).containsExactly(avatar(1), avatar(2));
        assertThat(touch.activeIds()).containsExactly(avatar(4), avatar(5), avatar(3));
        assertThat(lowered.active(CHANNEL)).hasSize(3);
        assertThat(roster.active(CHANNEL)).as("the old cap sees what is left").hasSize(3);
    }
}

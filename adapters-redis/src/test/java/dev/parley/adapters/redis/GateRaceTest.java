package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Issue 5's race: two instances (each its own Lettuce client) of sixteen threads each, deciding
 * replies and activating avatars in one channel with short cooldowns for a few seconds, judged by
 * Redis server time. It saturates the machine, so it runs alone.
 */
@Isolated
class GateRaceTest {

    private static final ChannelId CHANNEL = ChannelId.of("3100");
    private static final Duration RUN_FOR = Duration.ofSeconds(3);
    /** Sixteen per instance. */
    private static final int THREADS = 32;
    private static final int CAP = 8;

    private final RedisGateOptions options = RedisGateOptions.defaults().withKeyPrefix("race-test-" + UUID.randomUUID());
    private final ReplyRules rules = RedisReplyGateTest.SHORT
            .withAvatarResponseCooldown(Duration.ofMillis(100)).withBotReplyCooldown(Duration.ofMillis(200));
    private final ReplyGate[] gates = {
        new RedisReplyGate(TestConnections.shared(), rules, options), new RedisReplyGate(TestConnections.second(), rules, options)};
    private final AvatarRoster[] rosters = {
        new RedisAvatarRoster(TestConnections.shared(), CAP, options), new RedisAvatarRoster(TestConnections.second(), CAP, options)};

    private record Admission(MessageId trigger, AvatarId avatar, Instant at) {
    }

    private record Call(AvatarId avatar, Activation activation) {
    }

    @Test
    void twoInstancesOfSixteenThreadsEachKeepPacingCapsAndRotationsExact() throws Exception {
        ConcurrentLinkedQueue<Admission> admissions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<GateDecision.Denied> denials = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Call> activations = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> observed = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        long startNanos = System.nanoTime();
        try {
            Future<?> observer = pool.submit(() -> {
                start.await();
                while (running.get()) {
                    List<Presence> seen = rosters[0].active(CHANNEL);
                    observed.add(seen.size());
                    assertThat(seen).extracting(Presence::avatar).doesNotHaveDuplicates();
                    Thread.sleep(1);
                }
                return null;
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int instance = t % 2;
                workers.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    long deadline = startNanos + RUN_FOR.toNanos();
                    while (System.nanoTime() < deadline) {
                        if (random.nextInt(10) < 6) {
                            // A new trigger every 150 ms; some callers still answer the previous one.
                            long epoch = (System.nanoTime() - startNanos) / 150_000_000L - random.nextInt(2);
                            MessageId trigger = MessageId.of(Long.toString(9000 + Math.max(epoch, 0)));
                            AvatarId avatar = AvatarId.of("avatar-" + random.nextInt(12));
                            GateDecision decision = gates[instance].decide(ReplyRequest.of(CHANNEL, avatar, trigger));
                            if (decision instanceof GateDecision.Admitted admitted) {
                                admissions.add(new Admission(trigger, avatar, admitted.at()));
                            } else {
                                denials.add((GateDecision.Denied) decision);
                            }
                        } else {
                            AvatarId avatar = AvatarId.of("avatar-" + random.nextInt(20));
                            Activation a = rosters[instance].activate(CHANNEL, avatar);
                            assertThat(a.active()).hasSizeLessThanOrEqualTo(CAP);
                            assertThat(a.activeIds()).startsWith(avatar);
                            activations.add(new Call(avatar, a));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : workers) {
                f.get(30, TimeUnit.SECONDS);
            }
            running.set(false);
            observer.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<Admission> inOrder = new ArrayList<>(admissions);
        inOrder.sort(Comparator.comparing(Admission::at));
        // 3 s at one admission per 200 ms: about 15, fewer on a busy machine.
        assertThat(inOrder).as("admissions").hasSizeGreaterThanOrEqualTo(5);
        for (int i = 1; i < inOrder.size(); i++) {
            assertThat(Duration.between(inOrder.get(i - 1).at(), inOrder.get(i).at()))
                    .as("gap between admissions %s and %s", inOrder.get(i - 1), inOrder.get(i))
                    .isGreaterThanOrEqualTo(rules.botReplyCooldown());
        }
        Map<MessageId, Set<AvatarId>> responders = new HashMap<>();
        inOrder.forEach(a -> responders.computeIfAbsent(a.trigger(), k -> new HashSet<>()).add(a.avatar()));
        assertThat(responders.values()).allSatisfy(set -> assertThat(set).hasSizeLessThanOrEqualTo(2));
        assertThat(denials).isNotEmpty().allSatisfy(d -> assertThat(d.reason()).isNotEqualTo(DenialReason.STORAGE_UNAVAILABLE));

        assertThat(observed).isNotEmpty().allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(CAP));
        Map<AvatarId, Integer> balance = new HashMap<>();
        int rotations = 0;
        for (Call call : activations) {
            if (call.activation().newlyActive()) {
                balance.merge(call.avatar(), 1, Integer::sum);
            }
            for (AvatarId gone : call.activation().deactivatedIds()) {
                balance.merge(gone, -1, Integer::sum);
                rotations++;
            }
        }
        Set<AvatarId> finallyActive = new HashSet<>(rosters[1].active(CHANNEL).stream().map(Presence::avatar).toList());
        assertThat(finallyActive).hasSize(CAP);
        assertThat(rotations).as("rotations happened").isGreaterThan(CAP);
        for (int n = 0; n < 20; n++) {
            AvatarId avatar = AvatarId.of("avatar-" + n);
            assertThat(balance.getOrDefault(avatar, 0)).as("activations minus deactivations of %s", avatar)
                    .isEqualTo(finallyActive.contains(avatar) ? 1 : 0);
        }
    }

    @Test
    void fiftyNarrativeAttemptsOverTwoInstancesAdmitExactlyOne() throws Exception {
        // An hour's cooldown, as in production: the attempts test atomicity, and on a loaded machine
        // fifty threads can be spread over more than the short rules' 1.2 s, which would rightly admit two.
        ReplyRules hourly = rules.withNarrativeCooldown(Duration.ofHours(1));
        ReplyGate[] gates = {
            new RedisReplyGate(TestConnections.shared(), hourly, options), new RedisReplyGate(TestConnections.second(), hourly, options)};
        CountDownLatch ready = new CountDownLatch(50);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<GateDecision> decisions = new ArrayList<>();
        try {
            List<Future<GateDecision>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ReplyGate gate = gates[i % 2];
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return gate.tryTakeNarrativeSlot();
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            start.countDown();
            for (Future<GateDecision> f : futures) {
                decisions.add(f.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(decisions).filteredOn(GateDecision::admitted).hasSize(1);
        assertThat(decisions).filteredOn(d -> !d.admitted())
                .allSatisfy(d -> assertThat(((GateDecision.Denied) d).reason()).isEqualTo(DenialReason.NARRATIVE_COOLDOWN));
    }
}

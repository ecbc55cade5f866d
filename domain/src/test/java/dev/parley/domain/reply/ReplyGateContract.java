package dev.parley.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.GateDecision.Admitted;
import dev.parley.domain.reply.GateDecision.Denied;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ReplyGate} must have (the {@link ReplyPolicy}'s rule, made atomic). An adapter's
 * test extends this class, builds a gate over fresh, empty state for the given rules, and lets
 * the gate's clock move on.
 *
 * <p>Tests are written in terms of {@link #rules()}; an adapter whose clock it cannot move (Redis
 * uses the server's {@code TIME}) picks short cooldowns, lets {@link #elapse} sleep, and allows
 * {@link #timingSlack()} for the time its calls themselves take.
 */
public abstract class ReplyGateContract {

    protected static final ChannelId CHANNEL = ChannelId.of("1100");
    protected static final ChannelId OTHER_CHANNEL = ChannelId.of("1200");
    protected static final AvatarId ALICE = AvatarId.of("alice");
    protected static final AvatarId BOB = AvatarId.of("bob");
    protected static final AvatarId CAROL = AvatarId.of("carol");
    protected static final AvatarId DAVE = AvatarId.of("dave");
    protected static final MessageId TRIGGER = MessageId.of("5001");
    protected static final MessageId NEXT_TRIGGER = MessageId.of("5002");
    protected static final MessageId THIRD_TRIGGER = MessageId.of("5003");

    /** A gate over fresh, empty state (no cooldown running, no trigger known) built with {@code rules}. */
    protected abstract ReplyGate newGate(ReplyRules rules);

    /** Lets {@code duration} pass on the gate's clock. */
    protected abstract void elapse(Duration duration);

    /**
     * A gate sharing {@code gate}'s state, as another instance of the service would (its own
     * connection to the same Redis). The race tests split their callers between the two. An
     * adapter whose state lives in one process returns {@code gate} itself.
     */
    protected ReplyGate sharingStateWith(ReplyGate gate) {
        return gate;
    }

    /** The rules most tests use. */
    protected ReplyRules rules() {
        return ReplyRules.defaults();
    }

    /** How much less than expected a {@code retryAfter} may be, because real time passed between calls. */
    protected Duration timingSlack() {
        return Duration.ZERO;
    }

    /**
     * The rules of the tests that release many callers at once: {@link #rules()}'s counts with the
     * avatar document's cooldowns and waits (seconds to an hour). Those tests check that decisions
     * are atomic; whatever a loaded machine does to the callers' timing, they must all fall within
     * one cooldown, or a correct gate would rightly admit a second caller.
     */
    private ReplyRules raceRules() {
        return ReplyRules.defaults().withMaxRespondersPerMessage(rules().maxRespondersPerMessage())
                .withMaxActiveAvatarsPerChannel(rules().maxActiveAvatarsPerChannel());
    }

    private static ReplyRequest ask(AvatarId avatar, MessageId trigger) {
        return ReplyRequest.of(CHANNEL, avatar, trigger);
    }

    private void assertDenied(GateDecision decision, DenialReason reason, Duration expectedRetryAfter) {
        assertThat(decision).isInstanceOf(Denied.class);
        Denied denied = (Denied) decision;
        assertThat(denied.reason()).isEqualTo(reason);
        assertThat(denied.retryAfter()).as("retryAfter").isLessThanOrEqualTo(expectedRetryAfter)
                .isGreaterThanOrEqualTo(expectedRetryAfter.minus(timingSlack()));
    }

    private static Duration retryAfter(GateDecision decision) {
        return ((Denied) decision).retryAfter();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Test
    void firstResponderToATriggerIsAdmitted() {
        ReplyGate gate = newGate(rules());

        GateDecision decision = gate.decide(ask(ALICE, TRIGGER));

        assertThat(decision).isInstanceOf(Admitted.class);
        assertThat(decision.admitted()).isTrue();
    }

    @Test
    void secondResponderIsPacedByTheBotReplyCooldownThenAdmitted() {
        ReplyGate gate = newGate(rules());
        Admitted first = (Admitted) gate.decide(ask(ALICE, TRIGGER));

        GateDecision paced = gate.decide(ask(BOB, TRIGGER));
        assertDenied(paced, DenialReason.BOT_REPLY_COOLDOWN, rules().botReplyCooldown());

        elapse(retryAfter(paced));
        GateDecision second = gate.decide(ask(BOB, TRIGGER));

        assertThat(second).isInstanceOf(Admitted.class);
        assertThat(Duration.between(first.at(), ((Admitted) second).at())).isGreaterThanOrEqualTo(rules().botReplyCooldown());
    }

    @Test
    void aPacedResponderKeepsItsPlaceSoAThirdFindsTheRespondersFull() {
        ReplyGate gate = newGate(rules());
        gate.decide(ask(ALICE, TRIGGER));
        GateDecision paced = gate.decide(ask(BOB, TRIGGER));

        GateDecision third = gate.decide(ask(CAROL, TRIGGER));
        assertThat(third).isEqualTo(Denied.respondersFull());
        assertThat(((Denied) third).reason().retryable()).isFalse();

        elapse(retryAfter(paced));
        assertThat(gate.decide(ask(CAROL, TRIGGER))).as("still full after the cooldown").isEqualTo(Denied.respondersFull());
        assertThat(gate.decide(ask(BOB, TRIGGER))).isInstanceOf(Admitted.class);
    }

    @Test
    void aPacedResponderBeatenToTheChannelIsPacedAgainAndKeepsItsPlace() {
        ReplyGate gate = newGate(rules());
        gate.decide(ask(ALICE, TRIGGER));
        GateDecision bob = gate.decide(ask(BOB, TRIGGER));
        gate.decide(ask(CAROL, NEXT_TRIGGER));
        elapse(retryAfter(bob));

        assertThat(gate.decide(ask(CAROL, NEXT_TRIGGER))).isInstanceOf(Admitted.class);
        GateDecision bobAgain = gate.decide(ask(BOB, TRIGGER));

        assertDenied(bobAgain, DenialReason.BOT_REPLY_COOLDOWN, rules().botReplyCooldown());
        assertThat(gate.decide(ask(DAVE, TRIGGER))).isEqualTo(Denied.respondersFull());
        elapse(retryAfter(bobAgain));
        assertThat(gate.decide(ask(BOB, TRIGGER))).isInstanceOf(Admitted.class);
    }

    @Test
    void theSameMessageIdInAnotherChannelIsAnotherTrigger() {
        ReplyGate gate = newGate(rules().withMaxRespondersPerMessage(1));
        gate.decide(ask(ALICE, TRIGGER));

        assertThat(gate.decide(ReplyRequest.of(OTHER_CHANNEL, BOB, TRIGGER))).isInstanceOf(Admitted.class);
    }

    @Test
    void anAdmittedResponderAskingAgainIsNotCountedTwice() {
        ReplyGate gate = newGate(rules());
        gate.decide(ask(ALICE, TRIGGER));
        elapse(retryAfter(gate.decide(ask(BOB, TRIGGER))));
        gate.decide(ask(BOB, TRIGGER));

        GateDecision again = gate.decide(ask(BOB, TRIGGER));

        assertDenied(again, DenialReason.AVATAR_COOLDOWN, max(rules().avatarResponseCooldown(), rules().botReplyCooldown()));
        assertThat(gate.decide(ask(CAROL, TRIGGER))).isEqualTo(Denied.respondersFull());
    }

    @Test
    void anAvatarsOwnCooldownIsNamedAndTheLongestWaitIsGiven() {
        ReplyGate gate = newGate(rules());
        gate.decide(ask(ALICE, TRIGGER));

        GateDecision again = gate.decide(ask(ALICE, NEXT_TRIGGER));

        assertDenied(again, DenialReason.AVATAR_COOLDOWN, max(rules().avatarResponseCooldown(), rules().botReplyCooldown()));
    }

    @Test
    void theAvatarCooldownIsPerAvatarAndChannel() {
        Duration bot = rules().botReplyCooldown();
        ReplyGate gate = newGate(rules().withAvatarResponseCooldown(bot.multipliedBy(3)));
        gate.decide(ask(ALICE, TRIGGER));

        elapse(bot);
        assertThat(gate.decide(ask(BOB, NEXT_TRIGGER))).as("another avatar after the bot-reply cooldown").isInstanceOf(Admitted.class);
        elapse(bot);
        GateDecision alice = gate.decide(ask(ALICE, THIRD_TRIGGER));

        assertDenied(alice, DenialReason.AVATAR_COOLDOWN, bot);
        assertThat(gate.decide(ReplyRequest.of(OTHER_CHANNEL, ALICE, THIRD_TRIGGER))).as("the same avatar in another channel")
                .isInstanceOf(Admitted.class);
    }

    @Test
    void theBotReplyCooldownIsPerChannel() {
        ReplyGate gate = newGate(rules());
        gate.decide(ask(ALICE, TRIGGER));

        assertThat(gate.decide(ReplyRequest.of(OTHER_CHANNEL, BOB, NEXT_TRIGGER))).isInstanceOf(Admitted.class);
        assertDenied(gate.decide(ask(CAROL, THIRD_TRIGGER)), DenialReason.BOT_REPLY_COOLDOWN, rules().botReplyCooldown());
    }

    @Test
    void overrideSkipsTheTimeCooldownsButNeverTheResponderCap() {
        ReplyGate gate = newGate(rules());
        gate.decide(ask(ALICE, TRIGGER));

        assertThat(gate.decide(ask(BOB, TRIGGER).overridingCooldown())).isInstanceOf(Admitted.class);
        assertThat(gate.decide(ask(CAROL, TRIGGER).overridingCooldown())).isEqualTo(Denied.respondersFull());
        assertThat(gate.decide(ask(ALICE, TRIGGER).overridingCooldown())).as("a member overriding its own cooldown")
                .isInstanceOf(Admitted.class);
    }

    @Test
    void anOverridingAdmissionStillStartsTheCooldowns() {
        ReplyGate gate = newGate(rules());

        assertThat(gate.decide(ask(ALICE, TRIGGER).overridingCooldown())).isInstanceOf(Admitted.class);

        assertDenied(gate.decide(ask(BOB, NEXT_TRIGGER)), DenialReason.BOT_REPLY_COOLDOWN, rules().botReplyCooldown());
        assertDenied(gate.decide(ask(ALICE, NEXT_TRIGGER)), DenialReason.AVATAR_COOLDOWN,
                max(rules().avatarResponseCooldown(), rules().botReplyCooldown()));
    }

    @Test
    void aWaitLongerThanTheMaximumTakesNoPlace() {
        ReplyRules shortWait = rules().withMaxWait(rules().botReplyCooldown().dividedBy(2));
        ReplyGate gate = newGate(shortWait);
        gate.decide(ask(ALICE, TRIGGER));

        GateDecision bob = gate.decide(ask(BOB, TRIGGER));
        GateDecision carol = gate.decide(ask(CAROL, TRIGGER));

        assertDenied(bob, DenialReason.BOT_REPLY_COOLDOWN, rules().botReplyCooldown());
        assertDenied(carol, DenialReason.BOT_REPLY_COOLDOWN, rules().botReplyCooldown());
        elapse(retryAfter(carol));
        assertThat(gate.decide(ask(CAROL, TRIGGER))).isInstanceOf(Admitted.class);
        assertThat(gate.decide(ask(BOB, TRIGGER))).isEqualTo(Denied.respondersFull());
    }

    @Test
    void deniedRequestsStartNoCooldown() {
        ReplyGate gate = newGate(rules());
        gate.decide(ask(ALICE, TRIGGER));
        Duration wait = retryAfter(gate.decide(ask(BOB, NEXT_TRIGGER)));
        for (int i = 0; i < 5; i++) {
            gate.decide(ask(CAROL, MessageId.of("600" + i)));
            gate.decide(ask(BOB, MessageId.of("700" + i)));
        }

        elapse(wait);

        assertThat(gate.decide(ask(DAVE, THIRD_TRIGGER))).isInstanceOf(Admitted.class);
    }

    @Test
    void respondersAreCountedPerTrigger() {
        ReplyGate gate = newGate(rules().withMaxRespondersPerMessage(1));
        gate.decide(ask(ALICE, TRIGGER));

        assertThat(gate.decide(ask(BOB, TRIGGER).overridingCooldown())).isEqualTo(Denied.respondersFull());
        assertThat(gate.decide(ask(BOB, NEXT_TRIGGER).overridingCooldown())).isInstanceOf(Admitted.class);
    }

    @Test
    void aZeroBotReplyCooldownLetsTheNextAvatarAnswerAtOnceUpToTheCap() {
        ReplyGate gate = newGate(rules().withBotReplyCooldown(Duration.ZERO));

        assertThat(gate.decide(ask(ALICE, TRIGGER))).isInstanceOf(Admitted.class);
        assertThat(gate.decide(ask(BOB, TRIGGER))).isInstanceOf(Admitted.class);
        assertThat(gate.decide(ask(CAROL, TRIGGER))).isEqualTo(Denied.respondersFull());
        assertDenied(gate.decide(ask(ALICE, NEXT_TRIGGER)), DenialReason.AVATAR_COOLDOWN, rules().avatarResponseCooldown());
    }

    @Test
    void aZeroAvatarCooldownLeavesOnlyTheChannelsCooldown() {
        ReplyGate gate = newGate(rules().withAvatarResponseCooldown(Duration.ZERO));
        gate.decide(ask(ALICE, TRIGGER));

        GateDecision again = gate.decide(ask(ALICE, NEXT_TRIGGER));

        assertDenied(again, DenialReason.BOT_REPLY_COOLDOWN, rules().botReplyCooldown());
        elapse(retryAfter(again));
        assertThat(gate.decide(ask(ALICE, NEXT_TRIGGER))).isInstanceOf(Admitted.class);
    }

    @Test
    void withEveryCooldownAtZeroOnlyTheResponderCapLimits() {
        ReplyGate gate = newGate(rules().withAvatarResponseCooldown(Duration.ZERO).withBotReplyCooldown(Duration.ZERO)
                .withNarrativeCooldown(Duration.ZERO).withMaxRespondersPerMessage(1));

        assertThat(gate.decide(ask(ALICE, TRIGGER))).isInstanceOf(Admitted.class);
        assertThat(gate.decide(ask(ALICE, TRIGGER))).as("the same responder asking again").isInstanceOf(Admitted.class);
        assertThat(gate.decide(ask(ALICE, NEXT_TRIGGER))).isInstanceOf(Admitted.class);
        assertThat(gate.decide(ask(BOB, TRIGGER))).isEqualTo(Denied.respondersFull());
        assertThat(gate.tryTakeNarrativeSlot()).isInstanceOf(Admitted.class);
        assertThat(gate.tryTakeNarrativeSlot()).isInstanceOf(Admitted.class);
    }

    @Test
    void aReleasedAdmissionLetsTheSameAvatarAnswerAgainAtOnceKeepingItsPlace() {
        ReplyGate gate = newGate(rules());
        Admitted first = (Admitted) gate.decide(ask(ALICE, TRIGGER));
        assertDenied(gate.decide(ask(BOB, TRIGGER)), DenialReason.BOT_REPLY_COOLDOWN, rules().botReplyCooldown());

        gate.release(ask(ALICE, TRIGGER), first);

        assertThat(gate.decide(ask(ALICE, TRIGGER))).as("the same ask again, at once").isInstanceOf(Admitted.class);
        assertThat(gate.decide(ask(CAROL, TRIGGER))).as("alice and bob still hold the trigger's places")
                .isEqualTo(Denied.respondersFull());
    }

    @Test
    void aReleaseFreesTheChannelForTheNextTrigger() {
        ReplyGate gate = newGate(rules());
        Admitted first = (Admitted) gate.decide(ask(ALICE, TRIGGER));

        sharingStateWith(gate).release(ask(ALICE, TRIGGER), first);

        assertThat(gate.decide(ask(BOB, NEXT_TRIGGER))).isInstanceOf(Admitted.class);
    }

    @Test
    void aReleaseLeavesTheCooldownsALaterAdmissionTook() {
        ReplyGate gate = newGate(rules());
        Admitted first = (Admitted) gate.decide(ask(ALICE, TRIGGER));
        elapse(Duration.ofMillis(1));
        assertThat(gate.decide(ask(BOB, NEXT_TRIGGER).overridingCooldown())).isInstanceOf(Admitted.class);

        gate.release(ask(ALICE, TRIGGER), first);

        GateDecision alice = gate.decide(ask(ALICE, THIRD_TRIGGER));
        assertThat(alice).isInstanceOf(Denied.class);
        assertThat(((Denied) alice).reason()).as("alice's own cooldown is released, bob's channel cooldown is not")
                .isEqualTo(DenialReason.BOT_REPLY_COOLDOWN);
    }

    @Test
    void aReleaseAfterTheSameAvatarWasAdmittedAgainLeavesTheNewerCooldowns() {
        ReplyGate gate = newGate(rules());
        Admitted first = (Admitted) gate.decide(ask(ALICE, TRIGGER));
        elapse(Duration.ofMillis(1));
        assertThat(gate.decide(ask(ALICE, NEXT_TRIGGER).overridingCooldown())).isInstanceOf(Admitted.class);

        gate.release(ask(ALICE, TRIGGER), first);

        GateDecision again = gate.decide(ask(ALICE, THIRD_TRIGGER));
        assertThat(again).isInstanceOf(Denied.class);
        assertThat(((Denied) again).reason()).isEqualTo(DenialReason.AVATAR_COOLDOWN);
        assertThat(((Denied) gate.decide(ask(BOB, THIRD_TRIGGER))).reason()).isEqualTo(DenialReason.BOT_REPLY_COOLDOWN);
    }

    @Test
    void releasingWithEveryCooldownAtZeroChangesNothing() {
        ReplyGate gate = newGate(rules().withAvatarResponseCooldown(Duration.ZERO).withBotReplyCooldown(Duration.ZERO));
        Admitted first = (Admitted) gate.decide(ask(ALICE, TRIGGER));

        gate.release(ask(ALICE, TRIGGER), first);
        gate.release(ask(ALICE, TRIGGER), first);

        assertThat(gate.decide(ask(BOB, TRIGGER))).isInstanceOf(Admitted.class);
        assertThat(gate.decide(ask(CAROL, TRIGGER))).isEqualTo(Denied.respondersFull());
    }

    @Test
    void theNarrativeSlotIsTakenOncePerCooldown() {
        ReplyGate gate = newGate(rules());

        assertThat(gate.tryTakeNarrativeSlot()).isInstanceOf(Admitted.class);
        GateDecision again = gate.tryTakeNarrativeSlot();
        assertDenied(again, DenialReason.NARRATIVE_COOLDOWN, rules().narrativeCooldown());

        elapse(retryAfter(again));
        assertThat(gate.tryTakeNarrativeSlot()).isInstanceOf(Admitted.class);
    }

    @Test
    void narrativesAndRepliesDoNotBlockEachOther() {
        ReplyGate gate = newGate(rules());

        assertThat(gate.decide(ask(ALICE, TRIGGER))).isInstanceOf(Admitted.class);
        assertThat(gate.tryTakeNarrativeSlot()).isInstanceOf(Admitted.class);
        assertThat(gate.decide(ReplyRequest.of(OTHER_CHANNEL, ALICE, NEXT_TRIGGER))).isInstanceOf(Admitted.class);
    }

    @Test
    void fiftyConcurrentNarrativeAttemptsAdmitExactlyOne() throws Exception {
        ReplyGate[] gates = twoInstances(raceRules());

        List<GateDecision> decisions = concurrently(50, i -> gates[i % 2]::tryTakeNarrativeSlot);

        assertThat(decisions).filteredOn(GateDecision::admitted).hasSize(1);
        assertThat(decisions).filteredOn(d -> !d.admitted())
                .allSatisfy(d -> assertThat(((Denied) d).reason()).isEqualTo(DenialReason.NARRATIVE_COOLDOWN));
    }

    @Test
    void sixteenAvatarsRacingForOneTriggerAreOneAdmittedTheNextPacedTheRestFull() throws Exception {
        ReplyRules rules = raceRules();
        ReplyGate[] gates = twoInstances(rules);
        int places = rules.maxRespondersPerMessage();

        List<GateDecision> decisions = concurrently(16, i -> () -> gates[i % 2].decide(ask(AvatarId.of("racer-" + i), TRIGGER)));

        assertThat(decisions).filteredOn(GateDecision::admitted).hasSize(1);
        List<Denied> paced = decisions.stream().filter(d -> d instanceof Denied denied
                && denied.reason() == DenialReason.BOT_REPLY_COOLDOWN).map(Denied.class::cast).toList();
        assertThat(paced).hasSize(Math.min(places, 16) - 1);
        assertThat(decisions).filteredOn(d -> d.equals(Denied.respondersFull())).hasSize(16 - Math.min(places, 16));
        for (Denied denied : paced) {
            assertThat(denied.retryAfter()).isLessThanOrEqualTo(rules.botReplyCooldown())
                    .isGreaterThanOrEqualTo(rules.botReplyCooldown().minus(timingSlack()));
        }
    }

    @Test
    void sixteenOverridingRacersFillExactlyTheResponderPlaces() throws Exception {
        ReplyGate[] gates = twoInstances(raceRules());

        List<GateDecision> decisions = concurrently(16,
                i -> () -> gates[i % 2].decide(ask(AvatarId.of("racer-" + i), TRIGGER).overridingCooldown()));

        assertThat(decisions).filteredOn(GateDecision::admitted).hasSize(Math.min(raceRules().maxRespondersPerMessage(), 16));
        assertThat(decisions).filteredOn(d -> !d.admitted()).allSatisfy(d -> assertThat(d).isEqualTo(Denied.respondersFull()));
    }

    /**
     * Sixteen threads, split over two instances, ask for six avatars over a stream of triggers
     * while another thread moves the clock on in quarter cooldowns: whatever interleaving happens, no trigger gets more than its
     * responders, no two admissions in the channel are closer than the bot-reply cooldown, and no
     * avatar's two admissions closer than its own cooldown, all judged by the gate's own clock
     * ({@link Admitted#at()}).
     */
    @Test
    void racingRespondersNeverBreakTheCapOrThePacing() throws Exception {
        ReplyRules rules = rules();
        ReplyGate[] gates = twoInstances(rules);
        int rounds = 60;
        int threads = 16;
        AtomicInteger round = new AtomicInteger();
        AtomicBoolean ticking = new AtomicBoolean(true);
        record Admission(MessageId trigger, AvatarId avatar, Instant at) {
        }
        ConcurrentLinkedQueue<Admission> admissions = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Denied> overlongWaits = new ConcurrentLinkedQueue<>();
        Duration longest = max(rules.avatarResponseCooldown(), rules.botReplyCooldown());
        Duration step = rules.botReplyCooldown().dividedBy(4);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(() -> {
                start.await();
                try {
                    for (int r = 1; r <= rounds; r++) {
                        Thread.sleep(1);
                        elapse(step);
                        round.set(r);
                    }
                } finally {
                    ticking.set(false);
                }
                return null;
            }));
            for (int t = 0; t < threads; t++) {
                ReplyGate gate = gates[t % 2];
                done.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 50_000 && ticking.get(); i++) {
                        int epoch = round.get() / 4 - random.nextInt(2);
                        MessageId trigger = MessageId.of(String.valueOf(9000 + Math.max(epoch, 0)));
                        AvatarId avatar = AvatarId.of("avatar-" + random.nextInt(6));
                        GateDecision decision = gate.decide(ask(avatar, trigger));
                        if (decision instanceof Admitted admitted) {
                            admissions.add(new Admission(trigger, avatar, admitted.at()));
                        } else if (((Denied) decision).retryAfter().compareTo(longest) > 0) {
                            overlongWaits.add((Denied) decision);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Admission> inOrder = new ArrayList<>(admissions);
        inOrder.sort(Comparator.comparing(Admission::at));
        assertThat(inOrder).as("admissions").hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < inOrder.size(); i++) {
            assertThat(Duration.between(inOrder.get(i - 1).at(), inOrder.get(i).at()))
                    .as("gap between admissions %s and %s", inOrder.get(i - 1), inOrder.get(i))
                    .isGreaterThanOrEqualTo(rules.botReplyCooldown());
        }
        Map<MessageId, Set<AvatarId>> responders = new HashMap<>();
        Map<AvatarId, List<Instant>> byAvatar = new HashMap<>();
        for (Admission a : inOrder) {
            responders.computeIfAbsent(a.trigger(), k -> new HashSet<>()).add(a.avatar());
            byAvatar.computeIfAbsent(a.avatar(), k -> new ArrayList<>()).add(a.at());
        }
        assertThat(responders.values()).allSatisfy(set -> assertThat(set).hasSizeLessThanOrEqualTo(rules.maxRespondersPerMessage()));
        byAvatar.forEach((avatar, times) -> {
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i))).as("gap between %s's admissions", avatar)
                        .isGreaterThanOrEqualTo(rules.avatarResponseCooldown());
            }
        });
        assertThat(overlongWaits).as("denials asking to wait longer than any cooldown").isEmpty();
    }

    private ReplyGate[] twoInstances(ReplyRules rules) {
        ReplyGate gate = newGate(rules);
        return new ReplyGate[] {gate, sharingStateWith(gate)};
    }

    /** Runs {@code count} calls at once (released together) and returns their results. */
    protected static <T> List<T> concurrently(int count, java.util.function.IntFunction<Supplier<T>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Supplier<T> call = calls.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    return call.get();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return Collections.unmodifiableList(results);
        } finally {
            pool.shutdownNow();
        }
    }
}

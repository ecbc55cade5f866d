package dev.parley.domain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.id.UserId;
import dev.parley.domain.testing.Concurrently;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link IdentifyPacing} must have (its Javadoc is the specification). An
 * adapter's test extends this class, builds a pacing over fresh, empty state, and lets its clock
 * move on; an adapter whose clock it cannot move sleeps in {@link #elapse} and allows
 * {@link #timingSlack()} for the time its calls take.
 */
public abstract class IdentifyPacingContract {

    protected static final UserId BOT = UserId.of("4100");
    protected static final UserId OTHER_BOT = UserId.of("4200");
    protected static final IdentifyBucket BUCKET = new IdentifyBucket(BOT, 0);
    protected static final IdentifyTicket FIRST = new IdentifyTicket("first");
    protected static final IdentifyTicket SECOND = new IdentifyTicket("second");

    /** A pacing over fresh, empty state. */
    protected abstract IdentifyPacing newPacing();

    /** Lets {@code duration} pass on the pacing's clock. */
    protected abstract void elapse(Duration duration);

    /** A pacing sharing {@code pacing}'s state, as another instance would; one process's adapter returns it as it is. */
    protected IdentifyPacing sharingStateWith(IdentifyPacing pacing) {
        return pacing;
    }

    /** The hold most tests take: Discord's 5 s, or shorter for an adapter whose clock is real. */
    protected Duration window() {
        return Duration.ofSeconds(5);
    }

    /** How much less than expected a {@code retryAfter} may be, because real time passed between calls. */
    protected Duration timingSlack() {
        return Duration.ZERO;
    }

    private void assertBusyFor(IdentifySlot slot, Duration expected) {
        assertThat(slot).isInstanceOf(IdentifySlot.Busy.class);
        Duration retryAfter = ((IdentifySlot.Busy) slot).retryAfter();
        assertThat(retryAfter).isLessThanOrEqualTo(expected).isGreaterThanOrEqualTo(expected.minus(timingSlack()));
    }

    @Test
    void aFreeBucketIsTaken() {
        IdentifyPacing pacing = newPacing();

        assertThat(pacing.hold(BUCKET, FIRST, window())).isEqualTo(new IdentifySlot.Taken());
    }

    @Test
    void anotherTicketWaitsForTheRestOfTheHold() {
        IdentifyPacing pacing = newPacing();
        pacing.hold(BUCKET, FIRST, window());

        assertBusyFor(pacing.hold(BUCKET, SECOND, window()), window());
    }

    @Test
    void theBucketIsFreeAgainWhenTheHoldEnds() {
        IdentifyPacing pacing = newPacing();
        pacing.hold(BUCKET, FIRST, window());
        IdentifySlot busy = pacing.hold(BUCKET, SECOND, window());

        elapse(((IdentifySlot.Busy) busy).retryAfter());

        assertThat(pacing.hold(BUCKET, SECOND, window()).taken()).isTrue();
        assertThat(pacing.hold(BUCKET, FIRST, window()).taken()).as("the first ticket lost it").isFalse();
    }

    @Test
    void theHolderRestartsItsOwnHold() {
        IdentifyPacing pacing = newPacing();
        pacing.hold(BUCKET, FIRST, window());
        elapse(window().dividedBy(2));

        assertThat(pacing.hold(BUCKET, FIRST, window()).taken()).isTrue();

        assertBusyFor(pacing.hold(BUCKET, SECOND, window()), window());
    }

    @Test
    void aHolderMayShortenItsHold() {
        IdentifyPacing pacing = newPacing();
        pacing.hold(BUCKET, FIRST, window().multipliedBy(3));

        pacing.hold(BUCKET, FIRST, window());

        assertBusyFor(pacing.hold(BUCKET, SECOND, window()), window());
    }

    @Test
    void bucketsAndBotsAreHeldApart() {
        IdentifyPacing pacing = newPacing();
        pacing.hold(BUCKET, FIRST, window());

        assertThat(pacing.hold(new IdentifyBucket(BOT, 1), SECOND, window()).taken()).as("another bucket").isTrue();
        assertThat(pacing.hold(new IdentifyBucket(OTHER_BOT, 0), SECOND, window()).taken()).as("another bot").isTrue();
    }

    @Test
    void sixteenTicketsRacingOnTwoInstancesLeaveExactlyOneHolder() throws Exception {
        IdentifyPacing first = newPacing();
        IdentifyPacing[] instances = {first, sharingStateWith(first)};
        // Long enough that no stall of a loaded machine lets the hold end while the others still race.
        Duration hold = Duration.ofMinutes(1);
        ConcurrentLinkedQueue<String> holders = new ConcurrentLinkedQueue<>();

        Concurrently.run(16, i -> {
            IdentifyTicket ticket = new IdentifyTicket("racer-" + i);
            if (instances[i % 2].hold(BUCKET, ticket, hold).taken()) {
                holders.add(ticket.value());
            }
        });

        assertThat(holders).hasSize(1);
        assertThat(instances[1].hold(BUCKET, new IdentifyTicket("late"), hold).taken()).isFalse();
        assertThat(instances[0].hold(BUCKET, new IdentifyTicket(holders.peek()), hold).taken()).as("the winner still holds it").isTrue();
    }
}

package dev.parley.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.llm.ModelCallBudget.BudgetDecision;
import dev.parley.domain.llm.ModelCallBudget.BudgetDecision.Exhausted;
import dev.parley.domain.llm.ModelCallBudget.BudgetDecision.Granted;
import dev.parley.domain.testing.Concurrently;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ModelCallBudget} must have (its Javadoc is the specification). An
 * adapter's test extends this class, builds budgets over fresh, empty state, and lets the budget's
 * clock move on.
 *
 * <p>The window tests use {@link #window()}: an adapter whose clock it cannot move (Redis uses the
 * server's {@code TIME}) picks a short one, lets {@link #elapse} sleep, and allows
 * {@link #timingSlack()} for the time its calls themselves take. The race tests use an hour, so
 * no window closes while a loaded machine runs them.
 */
public abstract class ModelCallBudgetContract {

    /** A budget over fresh, empty state (no call taken yet) granting {@code quota}. */
    protected abstract ModelCallBudget newBudget(ModelCallQuota quota);

    /** Lets {@code duration} pass on the budget's clock. */
    protected abstract void elapse(Duration duration);

    /**
     * A budget sharing {@code budget}'s state, as another instance of the service would (its own
     * connection to the same Redis). An adapter whose state lives in one process returns
     * {@code budget} itself.
     */
    protected ModelCallBudget sharingStateWith(ModelCallBudget budget) {
        return budget;
    }

    /** The window of the tests that watch a window close. */
    protected Duration window() {
        return Duration.ofHours(1);
    }

    /** How much shorter than expected a {@code resetsIn} may be, because real time passed between calls. */
    protected Duration timingSlack() {
        return Duration.ZERO;
    }

    private void assertResetsIn(Duration actual, Duration expected) {
        assertThat(actual).as("resetsIn").isLessThanOrEqualTo(expected).isGreaterThanOrEqualTo(expected.minus(timingSlack()));
    }

    @Test
    void grantsTheQuotaThenIsExhaustedUntilTheWindowResets() {
        ModelCallBudget budget = newBudget(new ModelCallQuota(3, window()));

        List<BudgetDecision> decisions = List.of(budget.tryTake(), budget.tryTake(), budget.tryTake(), budget.tryTake());

        assertThat(decisions).extracting(BudgetDecision::granted).containsExactly(true, true, true, false);
        assertThat(decisions.subList(0, 3)).extracting(d -> ((Granted) d).remaining()).containsExactly(2L, 1L, 0L);
        assertResetsIn(((Granted) decisions.getFirst()).resetsIn(), window());
        assertResetsIn(((Exhausted) decisions.get(3)).resetsIn(), window());
    }

    @Test
    void theWindowOpensWithTheFirstCallAndCountsDown() {
        ModelCallBudget budget = newBudget(new ModelCallQuota(5, window()));
        budget.tryTake();
        Duration quarter = window().dividedBy(4);

        elapse(quarter);
        Granted later = (Granted) budget.tryTake();

        assertThat(later.remaining()).isEqualTo(3);
        assertResetsIn(later.resetsIn(), window().minus(quarter));
    }

    @Test
    void aNewWindowGrantsTheWholeQuotaAgain() {
        ModelCallBudget budget = newBudget(new ModelCallQuota(2, window()));
        budget.tryTake();
        budget.tryTake();
        Exhausted spent = (Exhausted) budget.tryTake();

        elapse(spent.resetsIn());
        BudgetDecision fresh = budget.tryTake();

        assertThat(fresh).isInstanceOf(Granted.class);
        assertThat(((Granted) fresh).remaining()).isEqualTo(1);
        assertResetsIn(((Granted) fresh).resetsIn(), window());
    }

    @Test
    void anExhaustedBudgetStaysExhaustedUntilTheReset() {
        ModelCallBudget budget = newBudget(new ModelCallQuota(1, window()));
        budget.tryTake();
        Duration half = window().dividedBy(2);

        elapse(half);
        BudgetDecision stillSpent = budget.tryTake();

        assertThat(stillSpent).isInstanceOf(Exhausted.class);
        assertResetsIn(((Exhausted) stillSpent).resetsIn(), window().minus(half));
    }

    @Test
    void instancesSharingTheStoreShareOneBudget() {
        ModelCallBudget first = newBudget(ModelCallQuota.perHour(3));
        ModelCallBudget second = sharingStateWith(first);

        first.tryTake();
        Granted fromSecond = (Granted) second.tryTake();
        first.tryTake();

        assertThat(fromSecond.remaining()).isEqualTo(1);
        assertThat(second.tryTake().granted()).isFalse();
        assertThat(first.tryTake().granted()).isFalse();
    }

    @Test
    void racingCallersOnTwoInstancesNeverTakeMoreThanTheQuota() throws Exception {
        int quota = 50;
        ModelCallBudget first = newBudget(ModelCallQuota.perHour(quota));
        ModelCallBudget second = sharingStateWith(first);
        AtomicInteger granted = new AtomicInteger();
        List<Long> remainders = Collections.synchronizedList(new ArrayList<>());

        Concurrently.run(32, worker -> {
            ModelCallBudget budget = worker % 2 == 0 ? first : second;
            for (int i = 0; i < 4; i++) {
                if (budget.tryTake() instanceof Granted g) {
                    granted.incrementAndGet();
                    remainders.add(g.remaining());
                }
            }
        });

        assertThat(granted.get()).isEqualTo(quota);
        assertThat(remainders).as("each grant saw its own count").containsExactlyInAnyOrderElementsOf(
                LongStream.range(0, quota).boxed().toList());
        assertThat(first.tryTake().granted()).isFalse();
    }

    @Test
    void budgetsOfDifferentTestsDoNotShareState() {
        ModelCallBudget one = newBudget(ModelCallQuota.perHour(1));
        one.tryTake();

        assertThat(newBudget(ModelCallQuota.perHour(1)).tryTake().granted()).isTrue();
    }
}

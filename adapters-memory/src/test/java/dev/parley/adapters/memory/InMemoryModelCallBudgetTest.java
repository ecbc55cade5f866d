package dev.parley.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.llm.ModelCallBudget;
import dev.parley.domain.llm.ModelCallBudget.BudgetDecision;
import dev.parley.domain.llm.ModelCallBudgetContract;
import dev.parley.domain.llm.ModelCallQuota;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryModelCallBudgetTest extends ModelCallBudgetContract {

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");

    @Override
    protected ModelCallBudget newBudget(ModelCallQuota quota) {
        return new InMemoryModelCallBudget(quota, clock);
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void theWindowEndsExactlyWhenResetsInSays() {
        ModelCallBudget budget = newBudget(ModelCallQuota.perHour(1));
        budget.tryTake();
        BudgetDecision.Exhausted spent = (BudgetDecision.Exhausted) budget.tryTake();
        assertThat(spent.resetsIn()).isEqualTo(Duration.ofHours(1));

        elapse(spent.resetsIn().minusNanos(1));
        assertThat(budget.tryTake()).isEqualTo(new BudgetDecision.Exhausted(Duration.ofNanos(1)));
        elapse(Duration.ofNanos(1));
        assertThat(budget.tryTake()).isEqualTo(new BudgetDecision.Granted(0, Duration.ofHours(1)));
    }
}

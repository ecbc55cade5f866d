package dev.parley.bootstrap.metrics;

import dev.parley.domain.llm.ModelCallBudget;
import dev.parley.domain.llm.ModelCallQuota;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared model-call budget, watched: the calls left in the current window as this instance
 * last saw them (other instances sharing the budget take from it too, so between this instance's
 * calls the true figure can only be lower), and the window's quota.
 */
final class MeteredModelCallBudget implements ModelCallBudget {

    private final ModelCallBudget budget;
    private final AtomicLong remaining;

    MeteredModelCallBudget(ModelCallBudget budget, ModelCallQuota quota, MeterRegistry registry) {
        this.budget = Objects.requireNonNull(budget, "budget == null");
        this.remaining = new AtomicLong(quota.calls());
        Gauge.builder("parley.model.budget.remaining", remaining, AtomicLong::get)
                .description("Model calls left in the budget's current window, as of this instance's last call").register(registry);
        Gauge.builder("parley.model.budget.limit", quota, q -> q.calls()).strongReference(true)
                .description("Model calls the budget grants per window").register(registry);
    }

    @Override
    public BudgetDecision tryTake() {
        BudgetDecision decision = budget.tryTake();
        switch (decision) {
            case BudgetDecision.Granted granted -> remaining.set(granted.remaining());
            case BudgetDecision.Exhausted exhausted -> remaining.set(0);
        }
        return decision;
    }
}

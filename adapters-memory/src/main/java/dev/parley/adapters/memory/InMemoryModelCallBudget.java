package dev.parley.adapters.memory;

import dev.parley.domain.llm.ModelCallBudget;
import dev.parley.domain.llm.ModelCallQuota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link ModelCallBudget} of a single instance: the current window's end and its count in one
 * immutable state, swapped by compare-and-set, so a take is atomic without a lock. The clock is
 * read inside that step.
 */
public final class InMemoryModelCallBudget implements ModelCallBudget {

    private final ModelCallQuota quota;
    private final Clock clock;
    private final AtomicReference<Window> window = new AtomicReference<>(new Window(Instant.MIN, 0));

    public InMemoryModelCallBudget(ModelCallQuota quota, Clock clock) {
        this.quota = Objects.requireNonNull(quota, "quota == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public BudgetDecision tryTake() {
        while (true) {
            Instant now = clock.instant();
            Window current = window.get();
            Window live = now.isBefore(current.end) ? current : new Window(now.plus(quota.window()), 0);
            if (live.taken >= quota.calls()) {
                return new BudgetDecision.Exhausted(Duration.between(now, live.end));
            }
            Window next = new Window(live.end, live.taken + 1);
            if (window.compareAndSet(current, next)) {
                return new BudgetDecision.Granted(quota.calls() - next.taken, Duration.between(now, next.end));
            }
        }
    }

    /** A window's end and the calls taken in it. */
    private record Window(Instant end, long taken) {
    }
}

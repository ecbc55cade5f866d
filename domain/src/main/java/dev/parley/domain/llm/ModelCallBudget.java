package dev.parley.domain.llm;

import java.time.Duration;

/**
 * The shared budget of language-model calls (driven port): at most {@link ModelCallQuota#calls()}
 * calls per {@link ModelCallQuota#window()}, counted across every instance that shares the store,
 * so a bot-to-bot cascade cannot burn through a provider account.
 *
 * <p>A window opens with the first call taken after the previous window closed and lasts the
 * quota's window, on the store's clock (the process clock in memory, Redis {@code TIME} with
 * Redis). {@link #tryTake()} checks and takes in one atomic step: however many callers race, at
 * most the quota's calls are granted per window. A taken call is not given back, even if the
 * model call then fails: the provider may have charged for it.
 *
 * <p>An unlimited budget (a configured limit of 0) is {@link #unlimited()}.
 */
public interface ModelCallBudget {

    /**
     * Takes one call from the budget if any is left in the current window.
     *
     * @throws dev.parley.domain.StorageUnavailableException if the shared store cannot be reached
     *         (nothing was taken; treat it as no budget)
     */
    BudgetDecision tryTake();

    /** A budget that grants every call. */
    static ModelCallBudget unlimited() {
        return () -> BudgetDecision.Granted.UNLIMITED;
    }

    /** What {@link #tryTake()} decided. */
    sealed interface BudgetDecision {

        /** Whether the call may go ahead. */
        boolean granted();

        /** The call was taken; {@code remaining} calls are left until the window resets in {@code resetsIn}. */
        record Granted(long remaining, Duration resetsIn) implements BudgetDecision {

            /** What an unlimited budget answers: everything remains, and there is no window. */
            public static final Granted UNLIMITED = new Granted(Long.MAX_VALUE, Duration.ZERO);

            public Granted {
                if (remaining < 0) {
                    throw new IllegalArgumentException("remaining must not be negative, got " + remaining);
                }
                requireNotNegative(resetsIn);
            }

            @Override
            public boolean granted() {
                return true;
            }
        }

        /** The window's calls are spent; the budget grants again in {@code resetsIn}. */
        record Exhausted(Duration resetsIn) implements BudgetDecision {

            public Exhausted {
                requireNotNegative(resetsIn);
            }

            @Override
            public boolean granted() {
                return false;
            }
        }

        private static void requireNotNegative(Duration duration) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("resetsIn must be zero or positive, got " + duration);
            }
        }
    }
}

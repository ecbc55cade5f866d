package dev.parley.domain.llm;

import dev.parley.domain.StorageUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LanguageModel} that takes every call from a {@link ModelCallBudget} first: when the
 * budget is spent, the call fails at once with {@link ModelCallException.Kind#BUDGET_EXHAUSTED},
 * its {@code retryAfter} saying when the window resets, and the model is not asked.
 *
 * <p>A budget whose store cannot be reached grants nothing (fail closed): the call fails with
 * {@code BUDGET_EXHAUSTED} and a {@code retryAfter} of {@link #STORE_FAILURE_PAUSE}.
 *
 * <pre>{@code
 * LanguageModel model = new BudgetedLanguageModel(openAi, budget);
 * }</pre>
 */
public final class BudgetedLanguageModel implements LanguageModel {

    /** How long a caller should wait after the budget's store failed. */
    public static final Duration STORE_FAILURE_PAUSE = Duration.ofSeconds(1);

    private final LanguageModel model;
    private final ModelCallBudget budget;

    public BudgetedLanguageModel(LanguageModel model, ModelCallBudget budget) {
        this.model = Objects.requireNonNull(model, "model == null");
        this.budget = Objects.requireNonNull(budget, "budget == null");
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        Objects.requireNonNull(request, "request == null");
        ModelCallBudget.BudgetDecision decision;
        try {
            decision = budget.tryTake();
        } catch (StorageUnavailableException e) {
            throw new ModelCallException(ModelCallException.Kind.BUDGET_EXHAUSTED,
                    "model-call budget unavailable, no call made: " + e.getMessage(), Optional.of(STORE_FAILURE_PAUSE), e);
        }
        if (decision instanceof ModelCallBudget.BudgetDecision.Exhausted exhausted) {
            throw new ModelCallException(ModelCallException.Kind.BUDGET_EXHAUSTED,
                    "model-call budget spent for this window, no call made; it resets in " + exhausted.resetsIn().toSeconds() + " s",
                    Optional.of(exhausted.resetsIn()), null);
        }
        return model.complete(request);
    }
}

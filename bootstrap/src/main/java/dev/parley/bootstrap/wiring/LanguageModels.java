package dev.parley.bootstrap.wiring;

import dev.parley.adapters.llm.OpenAiLanguageModel;
import dev.parley.domain.llm.BudgetedLanguageModel;
import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.llm.ModelCallBudget;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The language model of this instance, if one is configured: the OpenAI-compatible client behind
 * the shared call budget, so every reply, summary and narrative takes from the one budget.
 * Closing it stops the client's threads and connections.
 */
final class LanguageModels implements AutoCloseable {

    private final Optional<OpenAiLanguageModel> client;
    private final Optional<LanguageModel> budgeted;

    /** {@code metered} wraps the budgeted model once (the bootstrap's metrics count every call, refused ones included). */
    LanguageModels(Optional<OpenAiLanguageModel> client, ModelCallBudget budget, UnaryOperator<LanguageModel> metered) {
        this.client = client;
        this.budgeted = client.map(model -> metered.apply(new BudgetedLanguageModel(model, budget)));
    }

    /** The model every use case asks, budget first; empty when none is configured. */
    Optional<LanguageModel> model() {
        return budgeted;
    }

    @Override
    public void close() {
        client.ifPresent(OpenAiLanguageModel::close);
    }
}

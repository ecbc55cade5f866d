package dev.parley.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.llm.ModelCallBudget.BudgetDecision;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BudgetedLanguageModelTest {

    private static final ModelRequest REQUEST = new ModelRequest(List.of(new PromptMessage.System("You are Ava.")), List.of(),
            ModelOptions.defaults());
    private static final ModelReply REPLY = new ModelReply("Hi", Optional.empty(), List.of(), TokenUsage.NONE);

    private final AtomicInteger modelCalls = new AtomicInteger();
    private final LanguageModel model = request -> {
        modelCalls.incrementAndGet();
        return REPLY;
    };

    @Test
    void aGrantedCallReachesTheModel() {
        LanguageModel budgeted = new BudgetedLanguageModel(model, () -> new BudgetDecision.Granted(4, Duration.ofMinutes(30)));

        assertThat(budgeted.complete(REQUEST)).isEqualTo(REPLY);
        assertThat(modelCalls).hasValue(1);
    }

    @Test
    void aSpentBudgetFailsAtOnceWithTheTimeUntilTheReset() {
        LanguageModel budgeted = new BudgetedLanguageModel(model, () -> new BudgetDecision.Exhausted(Duration.ofMinutes(12)));

        assertThatThrownBy(() -> budgeted.complete(REQUEST))
                .isInstanceOfSatisfying(ModelCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelCallException.Kind.BUDGET_EXHAUSTED);
                    assertThat(e.retryAfter()).contains(Duration.ofMinutes(12));
                    assertThat(e).hasMessageContaining("resets in 720 s");
                });
        assertThat(modelCalls).hasValue(0);
    }

    @Test
    void aBudgetWhoseStoreFailsGrantsNothing() {
        LanguageModel budgeted = new BudgetedLanguageModel(model, () -> {
            throw new StorageUnavailableException("Redis unavailable: no reply to model-call budget in time");
        });

        assertThatThrownBy(() -> budgeted.complete(REQUEST))
                .isInstanceOfSatisfying(ModelCallException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModelCallException.Kind.BUDGET_EXHAUSTED);
                    assertThat(e.retryAfter()).contains(BudgetedLanguageModel.STORE_FAILURE_PAUSE);
                    assertThat(e).hasMessageContaining("budget unavailable");
                });
        assertThat(modelCalls).hasValue(0);
    }

    @Test
    void anUnlimitedBudgetGrantsEveryCall() {
        ModelCallBudget unlimited = ModelCallBudget.unlimited();

        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.tryTake().granted()).isTrue();
        }
    }

    @Test
    void withoutAConfiguredModelEveryCallFailsAsNotConfigured() {
        assertThatThrownBy(() -> LanguageModel.notConfigured().complete(REQUEST))
                .isInstanceOfSatisfying(ModelCallException.class, e -> assertThat(e.kind()).isEqualTo(ModelCallException.Kind.NOT_CONFIGURED))
                .hasMessage("NOT_CONFIGURED: no language model is configured");
    }

    @Test
    void aQuotaNeedsAtLeastOneCall() {
        assertThatThrownBy(() -> ModelCallQuota.perHour(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ModelCallBudget.unlimited()");
    }
}

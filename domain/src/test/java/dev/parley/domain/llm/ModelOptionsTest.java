package dev.parley.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ModelOptionsTest {

    @Test
    void optionsAreSetOneByOne() {
        ModelOptions options = ModelOptions.defaults().withModel("llama3").withTemperature(0.7).withMaxTokens(300);

        assertThat(options.model()).contains("llama3");
        assertThat(options.temperature()).hasValue(0.7);
        assertThat(options.maxTokens()).hasValue(300);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 2.01, Double.NaN, Double.POSITIVE_INFINITY})
    void temperatureIsZeroToTwo(double temperature) {
        assertThatThrownBy(() -> ModelOptions.defaults().withTemperature(temperature))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("temperature must be between 0 and 2");
    }

    @Test
    void maxTokensIsPositiveAndModelNotBlank() {
        assertThatThrownBy(() -> ModelOptions.defaults().withMaxTokens(0)).hasMessage("maxTokens must be at least 1, got 0");
        assertThatThrownBy(() -> ModelOptions.defaults().withModel(" ")).hasMessage("model must not be blank");
        assertThat(ModelOptions.defaults().withTemperature(0).withTemperature(2).temperature()).hasValue(2);
    }
}

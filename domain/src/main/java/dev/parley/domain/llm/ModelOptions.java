package dev.parley.domain.llm;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Per-request options; an empty one means the adapter's configured default.
 *
 * @param model       the provider's model name, non-blank
 * @param temperature sampling temperature, 0 to 2 (the range OpenAI-compatible providers accept)
 * @param maxTokens   the most tokens the reply may use, at least 1
 */
public record ModelOptions(Optional<String> model, OptionalDouble temperature, OptionalInt maxTokens) {

    /** The highest temperature OpenAI-compatible providers accept. */
    public static final double MAX_TEMPERATURE = 2.0;

    public ModelOptions {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(temperature, "temperature == null");
        Objects.requireNonNull(maxTokens, "maxTokens == null");
        if (model.isPresent() && model.get().isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        if (temperature.isPresent() && !(temperature.getAsDouble() >= 0 && temperature.getAsDouble() <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature.getAsDouble());
        }
        if (maxTokens.isPresent() && maxTokens.getAsInt() < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens.getAsInt());
        }
    }

    /** Every option left to the adapter's defaults. */
    public static ModelOptions defaults() {
        return new ModelOptions(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty());
    }

    public ModelOptions withModel(String name) {
        return new ModelOptions(Optional.of(name), temperature, maxTokens);
    }

    public ModelOptions withTemperature(double value) {
        return new ModelOptions(model, OptionalDouble.of(value), maxTokens);
    }

    public ModelOptions withMaxTokens(int value) {
        return new ModelOptions(model, temperature, OptionalInt.of(value));
    }
}

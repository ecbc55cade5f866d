package dev.parley.domain.llm;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Per-request options; an empty one means the adapter's configured default. */
public record ModelOptions(Optional<String> model, OptionalDouble temperature, OptionalInt maxTokens) {

    public ModelOptions {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(temperature, "temperature == null");
        Objects.requireNonNull(maxTokens, "maxTokens == null");
    }

    /** Every option left to the adapter's defaults. */
    public static ModelOptions defaults() {
        return new ModelOptions(Optional.empty(), OptionalDouble.empty(), OptionalInt.empty());
    }
}

package dev.parley.domain.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How many language-model calls a {@link ModelCallBudget} grants per window.
 *
 * <pre>{@code
 * ModelCallQuota quota = ModelCallQuota.perHour(500);
 * }</pre>
 */
public record ModelCallQuota(long calls, Duration window) {

    public ModelCallQuota {
        Objects.requireNonNull(window, "window == null");
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1 (an unlimited budget is ModelCallBudget.unlimited()), got " + calls);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms, got " + window);
        }
    }

    /** {@code calls} per hour, the configured budget's window. */
    public static ModelCallQuota perHour(long calls) {
        return new ModelCallQuota(calls, Duration.ofHours(1));
    }
}

package dev.parley.domain.llm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link LanguageModel} call that produced no reply. The message names what failed (the kind,
 * the HTTP status, the provider's host) and never the prompt, the reply or a key.
 */
public final class ModelCallException extends RuntimeException {

    /** Why no reply came. */
    public enum Kind {
        /** No model endpoint is configured. */
        NOT_CONFIGURED,
        /** The shared budget of model calls for this hour is spent. */
        BUDGET_EXHAUSTED,
        /** The call (with its retries and its wait for a free slot) did not finish within the timeout. */
        TIMEOUT,
        /** The provider kept answering 429 after the allowed retries. */
        RATE_LIMITED,
        /** The provider failed (5xx, connection refused or reset) after the allowed retries. */
        UNAVAILABLE,
        /** The provider refused the request (4xx other than 429: bad key, unknown model, bad request). */
        REJECTED
    }

    private final Kind kind;
    private final Optional<Duration> retryAfter;

    public ModelCallException(Kind kind, String message, Optional<Duration> retryAfter, Throwable cause) {
        super(Objects.requireNonNull(message, "message == null"), cause);
        this.kind = Objects.requireNonNull(kind, "kind == null");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter == null");
    }

    public ModelCallException(Kind kind, String message) {
        this(kind, message, Optional.empty(), null);
    }

    public Kind kind() {
        return kind;
    }

    /** When asking again could succeed, if known (a budget's next window, a provider's Retry-After). */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}

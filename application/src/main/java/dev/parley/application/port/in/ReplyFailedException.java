package dev.parley.application.port.in;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An admitted avatar's reply could not be produced (the model failed, timed out or left nothing to
 * post): nothing was recorded and the admission's cooldowns were given back. {@code retryAfter} is
 * when asking again could succeed, if known (a budget's next window, a provider's Retry-After).
 */
public final class ReplyFailedException extends RuntimeException {

    private final SkipReason reason;
    private final Optional<Duration> retryAfter;

    public ReplyFailedException(SkipReason reason, Optional<Duration> retryAfter, String message) {
        super(Objects.requireNonNull(message, "message == null"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason == null");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter == null");
    }

    public SkipReason reason() {
        return reason;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}

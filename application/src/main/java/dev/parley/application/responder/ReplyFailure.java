package dev.parley.application.responder;

import dev.parley.application.port.in.SkipReason;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Why an admitted reply was given up, and a detail for the log line (never the prompt or the reply). */
final class ReplyFailure extends RuntimeException {

    private final SkipReason reason;
    private final Optional<Duration> retryAfter;

    ReplyFailure(SkipReason reason, Optional<Duration> retryAfter, String detail) {
        super(Objects.requireNonNull(detail, "detail == null"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason == null");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter == null");
    }

    ReplyFailure(SkipReason reason, String detail) {
        this(reason, Optional.empty(), detail);
    }

    SkipReason reason() {
        return reason;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}

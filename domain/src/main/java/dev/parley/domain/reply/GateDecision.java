package dev.parley.domain.reply;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The {@link ReplyGate}'s answer: admitted, or denied with a reason and the time until asking again could pass. */
public sealed interface GateDecision permits GateDecision.Admitted, GateDecision.Denied {

    boolean admitted();

    /**
     * Admitted at {@code at}, by the gate's clock (the server's {@code TIME} for Redis): the
     * cooldowns it took run from that instant.
     */
    record Admitted(Instant at) implements GateDecision {

        public Admitted {
            Objects.requireNonNull(at, "at == null");
        }

        @Override
        public boolean admitted() {
            return true;
        }
    }

    /**
     * Denied for {@code reason}. For a retryable reason {@code retryAfter} is positive: the time
     * until the blocking cooldowns end (or, for storage, a suggested pause). For
     * {@link DenialReason#RESPONDERS_FULL} it is zero: asking again never passes.
     */
    record Denied(DenialReason reason, Duration retryAfter) implements GateDecision {

        public Denied {
            Objects.requireNonNull(reason, "reason == null");
            Objects.requireNonNull(retryAfter, "retryAfter == null");
            if (reason.retryable() && (retryAfter.isNegative() || retryAfter.isZero())) {
                throw new IllegalArgumentException("retryAfter must be positive for " + reason + ", got " + retryAfter);
            }
            if (!reason.retryable() && !retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter must be zero for final reason " + reason + ", got " + retryAfter);
            }
        }

        /** The final denial: the trigger has all its responders. */
        public static Denied respondersFull() {
            return new Denied(DenialReason.RESPONDERS_FULL, Duration.ZERO);
        }

        @Override
        public boolean admitted() {
            return false;
        }
    }
}

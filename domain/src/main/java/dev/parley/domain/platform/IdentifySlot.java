package dev.parley.domain.platform;

import java.time.Duration;
import java.util.Objects;

/** The answer of {@link IdentifyPacing#hold}: the bucket is this ticket's now, or another holds it for a while yet. */
public sealed interface IdentifySlot {

    /** The bucket is held by the asking ticket: it may identify now. */
    record Taken() implements IdentifySlot {
    }

    /** Another ticket holds the bucket for {@code retryAfter} more (at least 1 ms). */
    record Busy(Duration retryAfter) implements IdentifySlot {
        public Busy {
            Objects.requireNonNull(retryAfter, "retryAfter == null");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter must be positive, got " + retryAfter);
            }
        }
    }

    /** Whether the asking ticket holds the bucket. */
    default boolean taken() {
        return this instanceof Taken;
    }
}

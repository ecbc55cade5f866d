package dev.parley.application.conversation;

import dev.parley.domain.conversation.ConversationLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How live conversations are kept and cleaned up. {@link #defaults()} are Parley's defaults, written
 * here only: the configuration starts from them.
 *
 * @param idleTime how long a conversation may go without a message before it is cleaned up
 * @param cleanup what cleaning up means: archive or discard
 * @param sweepBatch how many idle conversations one sweep claims at a time
 * @param claimLease how long a claimed conversation stays reserved for its claimer; if the claimer
 *     dies before archiving it, another takes it over after this
 * @param limits what one message and one conversation may hold ({@link ConversationLimits#defaults()})
 */
public record ConversationSettings(Duration idleTime, CleanupStrategy cleanup, int sweepBatch, Duration claimLease,
        ConversationLimits limits) {

    public static final Duration DEFAULT_IDLE_TIME = Duration.ofMinutes(5);

    public ConversationSettings {
        Objects.requireNonNull(idleTime, "idleTime == null");
        Objects.requireNonNull(cleanup, "cleanup == null");
        Objects.requireNonNull(claimLease, "claimLease == null");
        Objects.requireNonNull(limits, "limits == null");
        if (idleTime.isNegative() || idleTime.isZero()) {
            throw new IllegalArgumentException("idle time must be positive, got " + idleTime);
        }
        if (sweepBatch < 1) {
            throw new IllegalArgumentException("sweep batch must be at least 1, got " + sweepBatch);
        }
        if (claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("claim lease must be positive, got " + claimLease);
        }
    }

    /** These settings with the default {@link ConversationLimits#defaults() limits}. */
    public ConversationSettings(Duration idleTime, CleanupStrategy cleanup, int sweepBatch, Duration claimLease) {
        this(idleTime, cleanup, sweepBatch, claimLease, ConversationLimits.defaults());
    }

    /** Five minutes idle, archive, 100 per sweep, a 60 s lease, {@link ConversationLimits#defaults()}. */
    public static ConversationSettings defaults() {
        return new ConversationSettings(DEFAULT_IDLE_TIME, CleanupStrategy.ARCHIVE, 100, Duration.ofSeconds(60));
    }

    public ConversationSettings withIdleTime(Duration idle) {
        return new ConversationSettings(idle, cleanup, sweepBatch, claimLease, limits);
    }

    public ConversationSettings withCleanup(CleanupStrategy strategy) {
        return new ConversationSettings(idleTime, strategy, sweepBatch, claimLease, limits);
    }

    public ConversationSettings withSweepBatch(int batch) {
        return new ConversationSettings(idleTime, cleanup, batch, claimLease, limits);
    }

    public ConversationSettings withClaimLease(Duration lease) {
        return new ConversationSettings(idleTime, cleanup, sweepBatch, lease, limits);
    }

    public ConversationSettings withLimits(ConversationLimits newLimits) {
        return new ConversationSettings(idleTime, cleanup, sweepBatch, claimLease, newLimits);
    }
}

package dev.parley.adapters.memory;

import dev.parley.domain.platform.IdentifyBucket;
import dev.parley.domain.platform.IdentifyPacing;
import dev.parley.domain.platform.IdentifySlot;
import dev.parley.domain.platform.IdentifyTicket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link IdentifyPacing} of a single instance: each bucket's hold in memory, changed only inside
 * {@link ConcurrentHashMap#compute} on its key, so a hold is atomic. A bot has at most a few dozen
 * buckets, so holds are kept rather than swept.
 */
public final class InMemoryIdentifyPacing implements IdentifyPacing {

    private final Clock clock;
    private final ConcurrentHashMap<IdentifyBucket, Hold> holds = new ConcurrentHashMap<>();

    public InMemoryIdentifyPacing(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public IdentifySlot hold(IdentifyBucket bucket, IdentifyTicket ticket, Duration duration) {
        Objects.requireNonNull(bucket, "bucket == null");
        Objects.requireNonNull(ticket, "ticket == null");
        requirePositive(duration);
        IdentifySlot[] answer = new IdentifySlot[1];
        holds.compute(bucket, (key, current) -> {
            Instant now = clock.instant();
            if (current == null || current.ticket().equals(ticket) || !current.until().isAfter(now)) {
                answer[0] = new IdentifySlot.Taken();
                return new Hold(ticket, now.plus(duration));
            }
            answer[0] = new IdentifySlot.Busy(Duration.between(now, current.until()));
            return current;
        });
        return answer[0];
    }

    static void requirePositive(Duration duration) {
        Objects.requireNonNull(duration, "duration == null");
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException("a hold lasts at least 1 ms, got " + duration);
        }
    }

    private record Hold(IdentifyTicket ticket, Instant until) {
    }
}

package dev.parley.application.responder;

import dev.parley.domain.id.MessageId;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids for replies the platform gave none (the HTTP caller posts them itself), so a reply
 * can still be the trigger of the avatars it names: Discord-shaped snowflakes from the clock's
 * milliseconds since Discord's epoch and a counter in the low 22 bits, distinct within this process.
 */
final class SyntheticIds {

    private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;
    private static final long SEQUENCE_MASK = (1L << 22) - 1;

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    SyntheticIds(Clock clock) {
        this.clock = clock;
    }

    MessageId next() {
        long millis = Math.max(0, clock.millis() - DISCORD_EPOCH_MILLIS);
        return MessageId.of(Long.toString((millis << 22) | (sequence.incrementAndGet() & SEQUENCE_MASK)));
    }
}

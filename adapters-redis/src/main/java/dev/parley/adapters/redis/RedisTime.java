package dev.parley.adapters.redis;

import java.time.Duration;
import java.time.Instant;

/** Conversions between the scripts' microseconds of Redis {@code TIME} and java.time. */
final class RedisTime {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private RedisTime() {
    }

    static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, MICROS_PER_SECOND),
                Math.floorMod(epochMicros, MICROS_PER_SECOND) * 1_000L);
    }

    /** {@code instant} in microseconds since the epoch, the scripts' unit of time (a sub-microsecond rest is dropped). */
    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000L);
    }

    /** {@code duration} in whole microseconds (a sub-microsecond rest is dropped). */
    static long micros(Duration duration) {
        return duration.toNanos() / 1_000L;
    }

    /**
     * A wait of {@code micros}, rounded up to the next millisecond (at least 1 ms): a caller that
     * waits exactly this long, or an HTTP client given it in whole milliseconds, is never early.
     */
    static Duration waitOf(long micros) {
        return Duration.ofMillis(Math.max(1L, Math.ceilDiv(micros, 1_000L)));
    }

    static long parseMicros(Object value) {
        return value instanceof Long l ? l : Long.parseLong(value.toString());
    }
}

package dev.parley.adapters.http;

import java.time.Duration;

/** Durations as the API's whole milliseconds. */
final class Millis {

    private Millis() {
    }

    /** Rounded up: waiting exactly this long must be enough. */
    static long roundedUp(Duration duration) {
        long nanos = duration.toNanos();
        return nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
    }
}

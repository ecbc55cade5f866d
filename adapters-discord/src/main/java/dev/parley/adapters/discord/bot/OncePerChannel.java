package dev.parley.adapters.discord.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says whether a channel's warning is due: at most once per channel per {@code interval}, so a
 * busy channel in trouble does not fill the log. Channels not warned about for an interval are
 * forgotten, so memory follows recent trouble only. Thread-safe.
 */
final class OncePerChannel {

    /** Beyond this many remembered channels, a due warning first sweeps out the ones past their interval. */
    private static final int SWEEP_ABOVE = 1_000;

    private final Clock clock;
    private final Duration interval;
    private final ConcurrentHashMap<Long, Instant> lastWarned = new ConcurrentHashMap<>();

    OncePerChannel(Clock clock, Duration interval) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.interval = Objects.requireNonNull(interval, "interval == null");
    }

    /** Whether {@code channel}'s warning is due now (and, if so, counts it as given). */
    boolean due(long channel) {
        Instant now = clock.instant();
        boolean[] due = new boolean[1];
        lastWarned.compute(channel, (id, last) -> {
            due[0] = last == null || !now.isBefore(last.plus(interval));
            return due[0] ? now : last;
        });
        if (due[0] && lastWarned.size() > SWEEP_ABOVE) {
            lastWarned.values().removeIf(last -> !now.isBefore(last.plus(interval)));
        }
        return due[0];
    }
}

package dev.parley.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.function.Function;

/** Small helpers the metered decorators share: one counter per enum constant, label values, latency buckets. */
final class Meters {

    /**
     * Latency buckets for the histograms (seconds): a local write takes milliseconds, a model call
     * seconds; eleven buckets keep each histogram small.
     */
    static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private Meters() {
    }

    /** An enum constant as a label value: {@code BOT_REPLY_COOLDOWN} is {@code bot_reply_cooldown}. */
    static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** One counter per constant of {@code type}, registered up front: a series exists (at 0) before its first event. */
    static <E extends Enum<E>> EnumMap<E, Counter> countersPer(Class<E> type, Function<E, Counter.Builder> builder, MeterRegistry registry) {
        EnumMap<E, Counter> counters = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counters.put(value, builder.apply(value).register(registry));
        }
        return counters;
    }

    /** A latency histogram with {@link #LATENCY_BUCKETS}. */
    static Timer.Builder latency(String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(LATENCY_BUCKETS);
    }
}

package dev.parley.bootstrap.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the durations of the configuration: {@code 200ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601 {@code PT5M}. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(-?\\d{1,12})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** Parses {@code text}; the exception names {@code key}. Zero and negative durations are refused. */
    static Duration parsePositive(String key, String text) {
        Duration parsed = parse(key, text);
        if (parsed.isNegative() || parsed.isZero()) {
            throw new InvalidConfigurationException(key, "must be a positive duration, got \"" + text + "\"");
        }
        return parsed;
    }

    /**
     * Parses a cooldown: a duration, or zero ({@code 0}, {@code 0s}, ...) meaning off. Negative
     * durations are refused.
     */
    static Duration parseCooldown(String key, String text) {
        if (text.trim().equals("0")) {
            return Duration.ZERO;
        }
        Duration parsed = parse(key, text);
        if (parsed.isNegative()) {
            throw new InvalidConfigurationException(key, "must be 0 (off) or a positive duration, got \"" + text + "\"");
        }
        return parsed;
    }

    private static Duration parse(String key, String text) {
        String trimmed = text.trim();
        Matcher m = SHORT.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new InvalidConfigurationException(key, "must be a duration such as 200ms, 30s, 5m, 1h or PT5M, got \"" + text + "\"");
        }
    }

    /** The shortest exact form: {@code 5m}, {@code 90s}, {@code 250ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 86_400_000 == 0) {
            return millis / 86_400_000 + "d";
        }
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}

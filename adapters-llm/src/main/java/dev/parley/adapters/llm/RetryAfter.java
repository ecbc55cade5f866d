package dev.parley.adapters.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads how long a provider asks to wait: {@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> of(ProviderStatusException answer, Clock clock) {
        Optional<Duration> millis = answer.retryAfterMillis().flatMap(RetryAfter::millis);
        return millis.isPresent() ? millis : answer.retryAfter().flatMap(value -> parse(value, clock));
    }

    /** {@code value} as delay-seconds (whole or decimal) or as an HTTP date; empty if it is neither. */
    static Optional<Duration> parse(String value, Clock clock) {
        String text = value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(text.charAt(0))) {
            try {
                double seconds = Double.parseDouble(text);
                return Double.isFinite(seconds) ? Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000))) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> millis(String value) {
        try {
            double millis = Double.parseDouble(value.strip());
            return millis >= 0 && Double.isFinite(millis) ? Optional.of(Duration.ofMillis((long) Math.ceil(millis))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

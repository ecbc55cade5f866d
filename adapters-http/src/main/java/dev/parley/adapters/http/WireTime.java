package dev.parley.adapters.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps and dates on the wire. Written in the Echo document's shape,
 * {@code 2025-11-25T10:30:00.123456}: UTC, microseconds, no offset. Read in that shape (taken as
 * UTC) or as ISO-8601 with an offset ({@code 2025-11-25T12:30:00+02:00}, {@code ...Z}).
 */
final class WireTime {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private WireTime() {
    }

    static String format(Instant instant) {
        return WRITTEN.format(instant);
    }

    static Instant parse(String field, String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw ApiException.invalid(ErrorCodes.INVALID_TIMESTAMP, field + " must be an ISO-8601 timestamp such as 2025-11-25T10:30:00.123456"
                        + " (UTC) or 2025-11-25T12:30:00+02:00, got " + quoted(text));
            }
        }
    }

    static LocalDate parseDate(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(ErrorCodes.INVALID_DATE, field + " must be a date such as 2025-11-25, got " + quoted(text));
        }
    }

    static String quoted(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}

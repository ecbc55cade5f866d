package dev.parley.adapters.file;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The archive's timestamp shape: written as the Echo document's {@code 2025-11-25T10:30:00.123456}
 * (UTC, six fraction digits, no offset); read leniently so the original Python bot's files load.
 */
final class ArchiveTimestamps {

    private static final DateTimeFormatter WRITTEN =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private ArchiveTimestamps() {
    }

    static String format(Instant instant) {
        return WRITTEN.format(instant);
    }

    /**
     * Parses ISO-8601 date-times: naive ones are UTC (what Parley writes), an offset or {@code Z} is
     * honoured, 0 to 9 fraction digits; Python's {@code str(datetime)} space separator is accepted too.
     *
     * @throws DateTimeParseException if {@code text} is none of these
     */
    static Instant parse(String text) {
        Instant written = parseWrittenShape(text);
        if (written != null) {
            return written;
        }
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
        return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? OffsetDateTime.from(parsed).toInstant()
                : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    }

    /**
     * The shape Parley writes ({@code 2025-11-25T10:30:00.123456}) without the general parser, which
     * dominates the cost of listing a large archive; null for any other shape.
     */
    private static Instant parseWrittenShape(String text) {
        if (text.length() != 26 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int micros = digits(text, 20, 26);
        if ((year | month | day | hour | minute | second | micros) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // e.g. 2025-02-30: let the general parser word the error
        }
    }

    /** The decimal value of {@code text[from, to)}, or -1 if any character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

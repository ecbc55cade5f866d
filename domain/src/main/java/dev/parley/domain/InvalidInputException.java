package dev.parley.domain;

import java.util.Objects;

/**
 * A value given to the domain that breaks one of its rules (an id that is not a snowflake, an
 * unknown message type). The message says what was wrong and what is accepted; {@link #field()}
 * names the input, so an adapter can report it without parsing the message.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(Objects.requireNonNull(message, "message == null"));
        this.field = Objects.requireNonNull(field, "field == null");
    }

    /**
     * Shows a rejected value in an error message: quoted, cut short and without control characters,
     * so a huge or hostile input can neither flood nor forge a log line.
     */
    public static String quoted(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    /** The input that was wrong, in snake_case as the JSON and HTTP API name it ({@code thread_id}). */
    public String field() {
        return field;
    }
}

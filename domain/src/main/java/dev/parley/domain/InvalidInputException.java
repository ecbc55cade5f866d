package dev.parley.domain;

import java.util.Objects;

/**
 * A value given to the domain that breaks one of its rules (an id that is not a snowflake, a
 * blank tool name). {@link #field()} says which input, {@link #problem()} what is wrong with it
 * and what is accepted, without naming the input: an adapter puts its own name for the field in
 * front ({@code thread_id must be ...} in JSON, a configuration key at start-up).
 */
public final class InvalidInputException extends IllegalArgumentException {

    /** Which kind of rule a value broke, for an adapter that answers each kind differently (an HTTP status). */
    public enum Rule {
        /** Malformed or out of range: the default. */
        INVALID,
        /** Larger than a configured limit. */
        TOO_LARGE,
        /** Nested deeper than a configured limit. */
        TOO_DEEP,
        /** Text that is not valid Unicode (a lone UTF-16 surrogate). */
        NOT_UNICODE
    }

    private final InputField field;
    private final Rule rule;
    private final String problem;

    /**
     * @param problem what is wrong, as it reads after the field's name: {@code "must be at least 1, got 0"}
     */
    public InvalidInputException(InputField field, String problem) {
        this(field, Rule.INVALID, problem);
    }

    /** A value that broke a rule of the kind {@code rule}. */
    public InvalidInputException(InputField field, Rule rule, String problem) {
        super(Objects.requireNonNull(field, "field == null").inWords() + " " + Objects.requireNonNull(problem, "problem == null"));
        this.field = field;
        this.rule = Objects.requireNonNull(rule, "rule == null");
        this.problem = problem;
    }

    /** The kind of rule the value broke. */
    public Rule rule() {
        return rule;
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

    /** The input that was wrong. */
    public InputField field() {
        return field;
    }

    /** What was wrong with it, without its name: {@code "must be a Discord snowflake: ASCII digits, ..., got \"x\""}. */
    public String problem() {
        return problem;
    }
}

package dev.parley.domain.id;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;

/**
 * The one rule for Discord ids: a snowflake is an unsigned 64-bit number written in its one
 * canonical form, 1 to 20 ASCII digits without leading zeros, at most 18446744073709551615
 * (2^64 - 1). {@code 042} and {@code 42} would otherwise be two ids for one thing (two
 * conversations, a replayed message kept twice), so only {@code 42} is accepted.
 */
final class Snowflakes {

    static final int MAX_DIGITS = 20;
    /** 2^64 - 1, the largest snowflake: a 20-digit value is compared with it as text. */
    static final String MAX_VALUE = "18446744073709551615";
    private static final String RULE = "a Discord snowflake: ASCII digits, no leading zeros, at most " + MAX_VALUE;

    private Snowflakes() {
    }

    static String require(String value, InputField field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required: " + RULE);
        }
        if (value.isEmpty() || value.length() > MAX_DIGITS || !allAsciiDigits(value)) {
            throw new InvalidInputException(field, "must be " + RULE + ", got " + InvalidInputException.quoted(value));
        }
        if (value.length() > 1 && value.charAt(0) == '0') {
            throw new InvalidInputException(field, "must be " + RULE + ", got " + InvalidInputException.quoted(value)
                    + " (write it without leading zeros)");
        }
        if (value.length() == MAX_DIGITS && value.compareTo(MAX_VALUE) > 0) {
            throw new InvalidInputException(field, "must be " + RULE + ", got " + InvalidInputException.quoted(value)
                    + " (larger than 2^64 - 1)");
        }
        return value;
    }

    private static boolean allAsciiDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

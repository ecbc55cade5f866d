package dev.parley.domain.id;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;

/** The one rule for Discord ids: 1 to 20 ASCII digits (decisions.md 9). */
final class Snowflakes {

    static final int MAX_DIGITS = 20;

    private Snowflakes() {
    }

    static String require(String value, InputField field) {
        if (value == null) {
            throw new InvalidInputException(field, "is required: a Discord snowflake of 1 to 20 digits");
        }
        if (value.isEmpty() || value.length() > MAX_DIGITS || !allAsciiDigits(value)) {
            throw new InvalidInputException(field, "must be a Discord snowflake of 1 to 20 ASCII digits, got "
                    + InvalidInputException.quoted(value));
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

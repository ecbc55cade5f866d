package dev.parley.domain.id;

import dev.parley.domain.InputField;

/** A Discord message, e.g. the trigger an avatar replies to. Its value is a snowflake: canonical ASCII digits (no leading zeros), at most 2^64 - 1. */
public record MessageId(String value) implements Comparable<MessageId> {

    public MessageId {
        Snowflakes.require(value, InputField.MESSAGE_ID);
    }

    /** Parses {@code value}, throwing {@link dev.parley.domain.InvalidInputException} if it is not a snowflake. */
    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public int compareTo(MessageId other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.parley.domain.id;

import dev.parley.domain.InputField;

/** A Discord user: a conversation's requester or participant. Its value is a snowflake: canonical ASCII digits (no leading zeros), at most 2^64 - 1. */
public record UserId(String value) implements Comparable<UserId> {

    public UserId {
        Snowflakes.require(value, InputField.USER_ID);
    }

    /** Parses {@code value}, throwing {@link dev.parley.domain.InvalidInputException} if it is not a snowflake. */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

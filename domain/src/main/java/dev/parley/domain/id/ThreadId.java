package dev.parley.domain.id;

import dev.parley.domain.InputField;

/** A Discord thread (or channel) that holds one conversation. Its value is a snowflake: canonical ASCII digits (no leading zeros), at most 2^64 - 1. */
public record ThreadId(String value) implements Comparable<ThreadId> {

    public ThreadId {
        Snowflakes.require(value, InputField.THREAD_ID);
    }

    /** Parses {@code value}, throwing {@link dev.parley.domain.InvalidInputException} if it is not a snowflake. */
    public static ThreadId of(String value) {
        return new ThreadId(value);
    }

    @Override
    public int compareTo(ThreadId other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

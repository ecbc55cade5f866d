package dev.parley.domain.id;

import dev.parley.domain.InputField;

/** A Discord text channel or thread in which avatars reply. Its value is a snowflake: canonical ASCII digits (no leading zeros), at most 2^64 - 1. */
public record ChannelId(String value) implements Comparable<ChannelId> {

    public ChannelId {
        Snowflakes.require(value, InputField.CHANNEL_ID);
    }

    /** Parses {@code value}, throwing {@link dev.parley.domain.InvalidInputException} if it is not a snowflake. */
    public static ChannelId of(String value) {
        return new ChannelId(value);
    }

    @Override
    public int compareTo(ChannelId other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

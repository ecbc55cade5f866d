package dev.parley.domain.id;

import dev.parley.domain.InputField;

/** A Discord guild (server). Its value is a snowflake: canonical ASCII digits (no leading zeros), at most 2^64 - 1. */
public record GuildId(String value) implements Comparable<GuildId> {

    public GuildId {
        Snowflakes.require(value, InputField.GUILD_ID);
    }

    /** Parses {@code value}, throwing {@link dev.parley.domain.InvalidInputException} if it is not a snowflake. */
    public static GuildId of(String value) {
        return new GuildId(value);
    }

    @Override
    public int compareTo(GuildId other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.parley.domain.id;

import dev.parley.domain.InputField;

/** A Discord webhook, such as the one Parley posts through in a channel. Its value is a snowflake: canonical ASCII digits (no leading zeros), at most 2^64 - 1. */
public record WebhookId(String value) implements Comparable<WebhookId> {

    public WebhookId {
        Snowflakes.require(value, InputField.WEBHOOK_ID);
    }

    /** Parses {@code value}, throwing {@link dev.parley.domain.InvalidInputException} if it is not a snowflake. */
    public static WebhookId of(String value) {
        return new WebhookId(value);
    }

    @Override
    public int compareTo(WebhookId other) {
        int byLength = Integer.compare(value.length(), other.value.length());
        return byLength != 0 ? byLength : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

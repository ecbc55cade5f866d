package dev.parley.adapters.redis;

import java.util.Objects;

/**
 * How a {@link RedisModelCallBudget} names its key. Every instance sharing one Redis and one
 * budget must use the same prefix.
 *
 * <pre>{@code
 * RedisBudgetOptions options = RedisBudgetOptions.sharingPrefixWith(storeOptions);
 * }</pre>
 *
 * @param keyPrefix first part of the key ({@code <prefix>:{llm}:budget}); no braces or whitespace
 */
public record RedisBudgetOptions(String keyPrefix) {

    public RedisBudgetOptions {
        Objects.requireNonNull(keyPrefix, "keyPrefix == null");
        if (keyPrefix.isEmpty() || keyPrefix.chars().anyMatch(c -> c == '{' || c == '}' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("keyPrefix must be non-empty, without braces or whitespace, got \"" + keyPrefix + "\"");
        }
    }

    /** Prefix {@code parley}. */
    public static RedisBudgetOptions defaults() {
        return new RedisBudgetOptions("parley");
    }

    /** The same prefix as the conversation store's, so one setting names all of Parley's keys. */
    public static RedisBudgetOptions sharingPrefixWith(RedisStoreOptions store) {
        return new RedisBudgetOptions(store.keyPrefix());
    }

    /** The budget's key; its hash tag {@code {llm}} keeps it in one Redis Cluster slot of its own. */
    String budgetKey() {
        return keyPrefix + ":{llm}:budget";
    }
}

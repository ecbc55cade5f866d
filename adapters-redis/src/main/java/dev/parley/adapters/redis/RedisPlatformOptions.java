package dev.parley.adapters.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RedisIdentifyPacing} and {@link RedisChannelWebhooks} name and keep their keys. Every
 * instance of one bot sharing a Redis must use the same prefix.
 *
 * <pre>{@code
 * RedisPlatformOptions options = RedisPlatformOptions.sharingPrefixWith(storeOptions);
 * }</pre>
 *
 * @param keyPrefix  first part of every key ({@code <prefix>:{identify:<bot>}:...}); no braces or whitespace
 * @param webhookTtl how long a channel's webhook stays recorded after it was recorded; when it is
 *                   gone the bot finds its webhook on Discord again, so this only keeps channels
 *                   deleted long ago from holding memory forever
 */
public record RedisPlatformOptions(String keyPrefix, Duration webhookTtl) {

    public RedisPlatformOptions {
        Objects.requireNonNull(keyPrefix, "keyPrefix == null");
        Objects.requireNonNull(webhookTtl, "webhookTtl == null");
        if (keyPrefix.isEmpty() || keyPrefix.chars().anyMatch(c -> c == '{' || c == '}' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("keyPrefix must be non-empty, without braces or whitespace, got \"" + keyPrefix + "\"");
        }
        if (webhookTtl.toMillis() < 1) {
            throw new IllegalArgumentException("webhookTtl must be at least 1 ms, got " + webhookTtl);
        }
    }

    /** Prefix {@code parley}, webhooks kept 30 days after they were recorded. */
    public static RedisPlatformOptions defaults() {
        return new RedisPlatformOptions("parley", Duration.ofDays(30));
    }

    /** The same prefix as the conversation store's, so one setting names all of Parley's keys. */
    public static RedisPlatformOptions sharingPrefixWith(RedisStoreOptions store) {
        return defaults().withKeyPrefix(store.keyPrefix());
    }

    public RedisPlatformOptions withKeyPrefix(String prefix) {
        return new RedisPlatformOptions(prefix, webhookTtl);
    }

    public RedisPlatformOptions withWebhookTtl(Duration ttl) {
        return new RedisPlatformOptions(keyPrefix, ttl);
    }
}

package dev.parley.adapters.redis;

import dev.parley.domain.avatar.AvatarRoster;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RedisReplyGate} and a {@link RedisAvatarRoster} name and keep their keys, and how
 * long a failed gate tells callers to pause. Every instance sharing one Redis must use the same
 * prefix.
 *
 * <pre>{@code
 * RedisGateOptions options = RedisGateOptions.defaults().withKeyPrefix("bot-a");
 * }</pre>
 *
 * @param keyPrefix        first part of every key ({@code <prefix>:{ch:<channel>}:...}); no braces or whitespace
 * @param rosterTtl        how long a channel's roster and presences outlive its last activation, so
 *                         channels that went quiet for good do not hold memory forever
 * @param unavailablePause the {@code retryAfter} of a {@code STORAGE_UNAVAILABLE} denial
 */
public record RedisGateOptions(String keyPrefix, Duration rosterTtl, Duration unavailablePause) {

    public RedisGateOptions {
        Objects.requireNonNull(keyPrefix, "keyPrefix == null");
        Objects.requireNonNull(rosterTtl, "rosterTtl == null");
        Objects.requireNonNull(unavailablePause, "unavailablePause == null");
        if (keyPrefix.isEmpty() || keyPrefix.chars().anyMatch(c -> c == '{' || c == '}' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("keyPrefix must be non-empty, without braces or whitespace, got \"" + keyPrefix + "\"");
        }
        if (rosterTtl.toMillis() < 1) {
            throw new IllegalArgumentException("rosterTtl must be at least 1 ms, got " + rosterTtl);
        }
        if (unavailablePause.toMillis() < 1) {
            throw new IllegalArgumentException("unavailablePause must be at least 1 ms, got " + unavailablePause);
        }
    }

    /** Prefix {@code parley}, rosters kept 30 days after their last activation, a 1 s pause when Redis fails. */
    public static RedisGateOptions defaults() {
        return new RedisGateOptions("parley", AvatarRoster.CHANNEL_MEMORY, Duration.ofSeconds(1));
    }

    /** The same prefix as the conversation store's, so one setting names all of Parley's keys. */
    public static RedisGateOptions sharingPrefixWith(RedisStoreOptions store) {
        return defaults().withKeyPrefix(store.keyPrefix());
    }

    public RedisGateOptions withKeyPrefix(String prefix) {
        return new RedisGateOptions(prefix, rosterTtl, unavailablePause);
    }

    public RedisGateOptions withRosterTtl(Duration ttl) {
        return new RedisGateOptions(keyPrefix, ttl, unavailablePause);
    }

    public RedisGateOptions withUnavailablePause(Duration pause) {
        return new RedisGateOptions(keyPrefix, rosterTtl, pause);
    }
}

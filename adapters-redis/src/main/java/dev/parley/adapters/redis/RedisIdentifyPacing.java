package dev.parley.adapters.redis;

import dev.parley.domain.platform.IdentifyBucket;
import dev.parley.domain.platform.IdentifyPacing;
import dev.parley.domain.platform.IdentifySlot;
import dev.parley.domain.platform.IdentifyTicket;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@link IdentifyPacing} shared by every instance on one Redis: each bucket is one key holding
 * the ticket, set with {@code PX} the hold, by one script ({@code identify-hold.lua}), so Redis's
 * clock is the only one used. A Redis failure throws
 * {@link dev.parley.domain.StorageUnavailableException}; the caller waits and asks again.
 *
 * <pre>{@code
 * IdentifyPacing pacing = new RedisIdentifyPacing(redis.connection(), RedisPlatformOptions.defaults());
 * }</pre>
 */
public final class RedisIdentifyPacing implements IdentifyPacing {

    private final RedisCalls redis;
    private final PlatformKeys keys;

    public RedisIdentifyPacing(RedisConnection connection, RedisPlatformOptions options) {
        Objects.requireNonNull(options, "options == null");
        this.redis = new RedisCalls(connection, ScriptClock.SERVER);
        this.keys = new PlatformKeys(options.keyPrefix());
    }

    @Override
    public IdentifySlot hold(IdentifyBucket bucket, IdentifyTicket ticket, Duration duration) {
        Objects.requireNonNull(bucket, "bucket == null");
        Objects.requireNonNull(ticket, "ticket == null");
        Objects.requireNonNull(duration, "duration == null");
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException("a hold lasts at least 1 ms, got " + duration);
        }
        long left = redis.integerScript("identify hold", LuaScript.IDENTIFY_HOLD, 1,
                keys.identifyBucket(bucket), ticket.value(), Long.toString(duration.toMillis()));
        return left == 0 ? new IdentifySlot.Taken() : new IdentifySlot.Busy(Duration.ofMillis(left));
    }
}

package dev.parley.adapters.redis;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.summary.ChannelSummaries;
import dev.parley.domain.summary.ChannelSummary;
import dev.parley.domain.summary.GenerationLease;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@link ChannelSummaries} shared by every instance on one Redis. An (avatar, channel) summary
 * is a hash beside a generation lease (a token {@code SET NX PX}), both under the channel's hash
 * tag {@code {ch:<channel>}}; a save or release runs only while the caller's token is the lease's,
 * in one script. Summaries expire {@code retention} after they were written. Failures surface as
 * {@link dev.parley.domain.StorageUnavailableException}.
 */
public final class RedisChannelSummaries implements ChannelSummaries {

    private final RedisCalls redis;
    private final GateKeys keys;
    private final String retention;

    public RedisChannelSummaries(RedisConnection connection, String keyPrefix, Duration retention) {
        if (retention.toMillis() < 1) {
            throw new IllegalArgumentException("retention must be at least 1 ms, got " + retention);
        }
        this.redis = new RedisCalls(connection, ScriptClock.SERVER);
        this.keys = new GateKeys(Objects.requireNonNull(keyPrefix, "keyPrefix == null"));
        this.retention = Long.toString(retention.toMillis());
    }

    @Override
    public Optional<ChannelSummary> find(AvatarId avatar, ChannelId channel) {
        List<KeyValue<String, String>> fields = redis.command("summary read", summary(avatar, channel), c -> c.hmget(summary(avatar, channel), "text", "at"));
        if (fields.size() < 2 || !fields.get(0).hasValue() || !fields.get(1).hasValue()) {
            return Optional.empty();
        }
        return Optional.of(new ChannelSummary(avatar, channel, fields.get(0).getValue(),
                RedisTime.instant(Long.parseLong(fields.get(1).getValue()))));
    }

    @Override
    public Optional<GenerationLease> tryStartGeneration(AvatarId avatar, ChannelId channel, Duration lease) {
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("lease must be at least 1 ms, got " + lease);
        }
        String token = UUID.randomUUID().toString();
        String reply = redis.command("summary lease", lease(avatar, channel), c -> c.set(lease(avatar, channel), token, SetArgs.Builder.nx().px(lease.toMillis())));
        return "OK".equals(reply) ? Optional.of(new GenerationLease(avatar, channel, token)) : Optional.empty();
    }

    @Override
    public boolean save(ChannelSummary summary, GenerationLease lease) {
        Objects.requireNonNull(summary, "summary == null");
        long micros = Math.addExact(Math.multiplyExact(summary.createdAt().getEpochSecond(), 1_000_000L), summary.createdAt().getNano() / 1_000L);
        return redis.integerScript("summary save", LuaScript.SUMMARY_SAVE, 2, summary(lease.avatar(), lease.channel()),
                lease(lease.avatar(), lease.channel()), lease.token(), summary.text(), Long.toString(micros), retention) == 1L;
    }

    @Override
    public void release(GenerationLease lease) {
        redis.integerScript("summary release", LuaScript.SUMMARY_RELEASE, 1, lease(lease.avatar(), lease.channel()), lease.token());
    }

    private String summary(AvatarId avatar, ChannelId channel) {
        return keys.channel(channel) + "summary:" + avatar.value();
    }

    private String lease(AvatarId avatar, ChannelId channel) {
        return keys.channel(channel) + "summary-lease:" + avatar.value();
    }
}

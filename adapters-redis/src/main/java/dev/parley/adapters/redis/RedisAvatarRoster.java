package dev.parley.adapters.redis;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.RequestId;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link AvatarRoster} shared by every instance on one Redis. A channel's roster is a sorted
 * set (avatar to last activity, Redis {@code TIME} in microseconds) beside a hash of presences;
 * {@code activate.lua} adds the avatar, rotates out the stalest others beyond the cap, marks their
 * presences deactivated and returns the result in one atomic step, so each rotation is reported
 * once, to the caller whose activation caused it; an identified activation's answer is kept
 * beside the roster for {@link #RESULT_MEMORY}, so a retry after a lost reply learns the rotation
 * too. Listings show at most this roster's cap, even when the channel was filled under a higher
 * one. Both keys live {@link RedisGateOptions#rosterTtl()} after the channel's last activation.
 * Failures surface as {@link dev.parley.domain.StorageUnavailableException}.
 *
 * <pre>{@code
 * AvatarRoster roster = new RedisAvatarRoster(redis.live(), rules.maxActiveAvatarsPerChannel(), RedisGateOptions.defaults());
 * }</pre>
 */
public final class RedisAvatarRoster implements AvatarRoster {

    private final RedisCalls redis;
    private final GateKeys keys;
    private final String cap;
    private final String ttl;
    private final String resultMemory = Long.toString(RESULT_MEMORY.toMillis());

    /** A roster keeping at most {@code maxActivePerChannel} avatars active per channel (ReplyRules.maxActiveAvatarsPerChannel). */
    public RedisAvatarRoster(RedisConnection connection, int maxActivePerChannel, RedisGateOptions options) {
        this(connection, maxActivePerChannel, options, ScriptClock.SERVER);
    }

    RedisAvatarRoster(RedisConnection connection, int maxActivePerChannel, RedisGateOptions options, ScriptClock clock) {
        if (maxActivePerChannel < 1) {
            throw new IllegalArgumentException("maxActivePerChannel must be at least 1, got " + maxActivePerChannel);
        }
        Objects.requireNonNull(options, "options == null");
        this.redis = new RedisCalls(connection, clock);
        this.keys = new GateKeys(options.keyPrefix());
        this.cap = Integer.toString(maxActivePerChannel);
        this.ttl = Long.toString(options.rosterTtl().toMillis());
    }

    @Override
    public Activation activate(ChannelId channel, AvatarId avatar) {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(avatar, "avatar == null");
        return activation(List.of(keys.roster(channel), keys.presence(channel)), avatar);
    }

    /** {@inheritDoc} The answer is kept beside the roster, in the channel's slot, for {@link #RESULT_MEMORY}. */
    @Override
    public Activation activate(ChannelId channel, AvatarId avatar, RequestId request) {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(request, "request == null");
        return activation(List.of(keys.roster(channel), keys.presence(channel), keys.activationResult(channel, request)), avatar);
    }

    private Activation activation(List<String> scriptKeys, AvatarId avatar) {
        List<Object> reply = redis.script("avatar activation", LuaScript.ACTIVATE, ScriptOutputType.MULTI,
                scriptKeys, List.of(avatar.value(), cap, ttl, resultMemory));
        boolean newlyActive = RedisTime.parseMicros(reply.get(0)) == 1L;
        return new Activation(newlyActive, presences(list(reply.get(1))), deactivated(list(reply.get(2))));
    }

    @Override
    public List<Presence> active(ChannelId channel) {
        Objects.requireNonNull(channel, "channel == null");
        List<Object> reply = redis.script("active avatars", LuaScript.ACTIVE, ScriptOutputType.MULTI,
                List.of(keys.roster(channel), keys.presence(channel)), List.of(cap));
        return presences(reply);
    }

    /** Triples avatar, activated, last activity. */
    private static List<Presence> presences(List<Object> flat) {
        List<Presence> out = new ArrayList<>(flat.size() / 3);
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            out.add(new Presence(AvatarId.of(flat.get(i).toString()), RedisTime.instant(RedisTime.parseMicros(flat.get(i + 1))),
                    RedisTime.instant(RedisTime.parseMicros(flat.get(i + 2))), Optional.empty()));
        }
        return out;
    }

    /** Quadruples avatar, activated, last activity, deactivated. */
    private static List<Presence> deactivated(List<Object> flat) {
        List<Presence> out = new ArrayList<>(flat.size() / 4);
        for (int i = 0; i + 3 < flat.size(); i += 4) {
            out.add(new Presence(AvatarId.of(flat.get(i).toString()), RedisTime.instant(RedisTime.parseMicros(flat.get(i + 1))),
                    RedisTime.instant(RedisTime.parseMicros(flat.get(i + 2))),
                    Optional.of(RedisTime.instant(RedisTime.parseMicros(flat.get(i + 3))))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}

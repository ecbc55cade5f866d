package dev.parley.adapters.redis;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.narrative.AvatarJournal;
import dev.parley.domain.narrative.Narrative;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link AvatarJournal} shared by every instance on one Redis. All journal keys carry the hash
 * tag {@code {journal}} (one Cluster slot: a reply updates an avatar's list and the global activity
 * set in one script). Each avatar's lists live {@code retention} after its last write, so avatars
 * removed from the catalogue do not hold memory forever. Failures surface as
 * {@link dev.parley.domain.StorageUnavailableException}.
 */
public final class RedisAvatarJournal implements AvatarJournal {

    private final RedisCalls redis;
    private final String base;
    private final String keptReplies;
    private final String keptNarratives;
    private final String retention;

    public RedisAvatarJournal(RedisConnection connection, String keyPrefix, int keptReplies, int keptNarratives,
            Duration retention) {
        Objects.requireNonNull(keyPrefix, "keyPrefix == null");
        if (keptReplies < 1 || keptNarratives < 1) {
            throw new IllegalArgumentException("kept replies and narratives must be at least 1, got " + keptReplies + " and " + keptNarratives);
        }
        if (retention.toMillis() < 1) {
            throw new IllegalArgumentException("retention must be at least 1 ms, got " + retention);
        }
        this.redis = new RedisCalls(connection, ScriptClock.SERVER);
        this.base = keyPrefix + ":{journal}:";
        this.keptReplies = Integer.toString(keptReplies);
        this.keptNarratives = Integer.toString(keptNarratives);
        this.retention = Long.toString(retention.toMillis());
    }

    @Override
    public void recordReply(AvatarId avatar, String text, Instant at) {
        Objects.requireNonNull(text, "text == null");
        redis.integerScript("journal reply", LuaScript.JOURNAL_REPLY, 2, replies(avatar), activity(),
                avatar.value(), text, Long.toString(micros(at)), keptReplies, retention);
    }

    @Override
    public List<String> recentReplies(AvatarId avatar) {
        return redis.command("journal replies", replies(avatar), c -> c.lrange(replies(avatar), 0, -1));
    }

    @Override
    public List<AvatarId> mostRecentlyActive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<String> ids = redis.command("journal activity", activity(), c -> c.zrevrange(activity(), 0, limit - 1));
        return ids.stream().map(AvatarId::of).toList();
    }

    @Override
    public void addNarrative(Narrative narrative) {
        Objects.requireNonNull(narrative, "narrative == null");
        String encoded = micros(narrative.createdAt()) + "|" + narrative.text();
        redis.integerScript("journal narrative", LuaScript.JOURNAL_NARRATIVE, 1, narrativesKey(narrative.avatar()),
                encoded, keptNarratives, retention);
    }

    @Override
    public List<Narrative> narratives(AvatarId avatar) {
        List<String> encoded = redis.command("journal narratives", narrativesKey(avatar), c -> c.lrange(narrativesKey(avatar), 0, -1));
        List<Narrative> out = new ArrayList<>(encoded.size());
        for (String entry : encoded) {
            int bar = entry.indexOf('|');
            out.add(new Narrative(avatar, entry.substring(bar + 1), RedisTime.instant(Long.parseLong(entry.substring(0, bar)))));
        }
        return out;
    }

    private String replies(AvatarId avatar) {
        return base + "replies:" + Objects.requireNonNull(avatar, "avatar == null").value();
    }

    private String narrativesKey(AvatarId avatar) {
        return base + "narratives:" + Objects.requireNonNull(avatar, "avatar == null").value();
    }

    private String activity() {
        return base + "activity";
    }

    private static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L);
    }
}

package dev.parley.adapters.redis;

import dev.parley.domain.id.ThreadId;

/**
 * Key names (docs/redis.md has the table). Every key of a thread carries its shard's hash tag
 * {@code {n}}, so each script touches one Redis Cluster slot.
 */
final class RedisKeys {

    private final String prefix;
    private final int shards;

    RedisKeys(String prefix, int shards) {
        this.prefix = prefix;
        this.shards = shards;
    }

    int shards() {
        return shards;
    }

    /** String.hashCode is specified by the JLS, so every instance computes the same shard. */
    int shardOf(ThreadId thread) {
        return Math.floorMod(thread.value().hashCode(), shards);
    }

    /** The common start of a shard's keys, {@code <prefix>:{<shard>}:}; scripts build dynamic keys from it. */
    String base(int shard) {
        return prefix + ":{" + shard + "}:";
    }

    String due(int shard) {
        return base(shard) + "due";
    }

    String archiveQueue(int shard) {
        return base(shard) + "archq";
    }

    /** HASH claim id → {@code <hand-outs>:<holder>}: who holds each pending claim, and how often it was handed out unconfirmed. */
    String claims(int shard) {
        return base(shard) + "claims";
    }

    /** ZSET claim id → when it was set aside (ms): claims handed out too often without being confirmed. */
    String deadLetters(int shard) {
        return base(shard) + "dead";
    }

    String conversation(int shard, String thread) {
        return base(shard) + "conv:" + thread;
    }

    String history(int shard, String thread) {
        return base(shard) + "msgs:" + thread;
    }

    String seenIds(int shard, String thread) {
        return base(shard) + "ids:" + thread;
    }

    String conversation(ThreadId thread) {
        return base(shardOf(thread)) + "conv:" + thread.value();
    }

    String history(ThreadId thread) {
        return base(shardOf(thread)) + "msgs:" + thread.value();
    }

    String seenIds(ThreadId thread) {
        return base(shardOf(thread)) + "ids:" + thread.value();
    }

    String due(ThreadId thread) {
        return due(shardOf(thread));
    }

    String sealedConversation(ClaimKey claim) {
        return base(claim.shard()) + "sealed:" + claim.suffix();
    }

    String sealedHistory(ClaimKey claim) {
        return base(claim.shard()) + "sealed-msgs:" + claim.suffix();
    }
}

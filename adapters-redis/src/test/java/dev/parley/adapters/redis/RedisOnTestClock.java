package dev.parley.adapters.redis;

import dev.parley.domain.reply.ReplyRules;
import java.time.Clock;

/**
 * The Redis adapters on a clock the test moves instead of Redis {@code TIME} (published in the
 * test-jar for the tests that compare them with the memory adapters step by step). Every script
 * call then carries "now" and runs a variant of its script whose {@code TIME} answers it; the
 * production scripts are unchanged. Key expiry (TTLs) still runs on Redis's own clock, so a test
 * clock should stay ahead of the real one: keys given an absolute expiry in test time then live
 * at least as long as the test means them to.
 */
public final class RedisOnTestClock {

    private RedisOnTestClock() {
    }

    public static RedisConversationStore store(RedisConnection connection, RedisStoreOptions options, Clock clock) {
        return new RedisConversationStore(connection, connection, options, ScriptClock.controlledBy(clock));
    }

    public static RedisReplyGate gate(RedisConnection connection, ReplyRules rules, RedisGateOptions options, Clock clock) {
        return new RedisReplyGate(connection, rules, options, ScriptClock.controlledBy(clock));
    }

    public static RedisAvatarRoster roster(RedisConnection connection, int maxActivePerChannel, RedisGateOptions options, Clock clock) {
        return new RedisAvatarRoster(connection, maxActivePerChannel, options, ScriptClock.controlledBy(clock));
    }
}

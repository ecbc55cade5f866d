package dev.parley.agreement;

import dev.parley.adapters.redis.RedisConnector;
import dev.parley.adapters.redis.testing.RedisServer;
import java.time.Duration;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;

/**
 * The memory adapters and the Redis adapters are two implementations of the same ports: run the
 * same random sequence of operations against both, step by step, and every answer must be the
 * same. The operations are the ports' (create, append, a replayed message, find, list, count,
 * summary, remove, claim, renew, acknowledge, a reply decision, the narrative slot, activate,
 * touch, list the roster, lower the roster's cap) and moving time, which both see through one
 * test clock: the memory adapters read it directly, the Redis scripts receive it in place of
 * Redis {@code TIME} ({@code RedisOnTestClock}).
 *
 * <p>Lives in {@code bootstrap}'s tests because this is the one module that sees both adapters;
 * neither adapter depends on the other, and no module exists only to hold this test.
 *
 * <p>Where the adapters legitimately differ, the sequences stay out of that corner, each for a
 * stated reason (see {@link Both}): time moves forward by whole milliseconds, at least one per
 * operation (real clocks move; Redis keeps idle deadlines in milliseconds and breaks activity
 * ties by a microsecond, memory by call order); claims ask for all or nothing (which of several
 * claims with equal deadlines comes first is an order neither port promises); the Redis-only TTL
 * safety net and trigger expiry, which run on Redis's real clock, are set longer than any
 * sequence's time.
 */
class MemoryAndRedisAgreeTest {

    /** One Redis for every sequence; each sequence uses keys of its own. */
    private static RedisServer server;
    private static RedisConnector redis;

    static synchronized RedisConnector redis() {
        if (redis == null) {
            server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
            redis = RedisConnector.connect(server.uri(), Duration.ofSeconds(5));
        }
        return redis;
    }

    @AfterContainer
    static synchronized void stopRedis() {
        if (redis != null) {
            redis.close();
            server.close();
            redis = null;
        }
    }

    @Property(tries = 1_000)
    void memoryAndRedisGiveTheSameAnswersStepByStep(@ForAll("sequences") ActionChain<Both> sequence) {
        sequence.run();
    }

    @Provide
    Arbitrary<ActionChain<Both>> sequences() {
        ActionChainArbitrary<Both> chains = ActionChain.startWith(() -> new Both(redis().live()));
        for (var weighted : Operations.all()) {
            chains = chains.withAction(weighted.weight(), weighted.action());
        }
        return chains.withMaxTransformations(40);
    }
}

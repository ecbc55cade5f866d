package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.platform.IdentifyBucket;
import dev.parley.domain.platform.IdentifyPacing;
import dev.parley.domain.platform.IdentifyPacingContract;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The pacing contract against a real Redis, the second instance on a second client. Redis's clock
 * cannot be moved, so the holds are a second long and {@link #elapse} sleeps; a {@code retryAfter}
 * may be short by the time the calls took (generous for a loaded machine).
 */
@Execution(ExecutionMode.CONCURRENT)
class RedisIdentifyPacingTest extends IdentifyPacingContract {

    private final RedisPlatformOptions options = RedisPlatformOptions.defaults().withKeyPrefix("pacing-test-" + UUID.randomUUID());

    @Override
    protected IdentifyPacing newPacing() {
        return new RedisIdentifyPacing(TestConnections.shared(), options);
    }

    @Override
    protected IdentifyPacing sharingStateWith(IdentifyPacing pacing) {
        return new RedisIdentifyPacing(TestConnections.second(), options);
    }

    @Override
    protected Duration window() {
        // Real time passes on a real Redis: long enough that a loaded CI machine's stalls fit in the slack.
        return Duration.ofSeconds(2);
    }

    @Override
    protected Duration timingSlack() {
        return Duration.ofMillis(1500);
    }

    @Override
    protected void elapse(Duration duration) {
        RedisReplyGateTest.sleep(duration);
    }

    @Test
    void aBucketIsOneKeyUnderThePrefixThatExpiresWithTheHold() {
        IdentifyPacing pacing = newPacing();
        PlatformKeys keys = new PlatformKeys(options.keyPrefix());
        RedisClusterCommands<String, String> sync = TestConnections.shared().sync();

        pacing.hold(BUCKET, FIRST, Duration.ofSeconds(30));

        String key = keys.identifyBucket(BUCKET);
        assertThat(key).isEqualTo(options.keyPrefix() + ":{identify:4100}:0");
        assertThat(sync.get(key)).isEqualTo(FIRST.value());
        assertThat(sync.pttl(key)).isBetween(1L, 30_000L);
        assertThat(SlotHash.getSlot(keys.identifyBucket(new IdentifyBucket(BOT, 1)))).isEqualTo(SlotHash.getSlot(key));
    }

    @Test
    void aFlushedScriptCacheIsRefilledOnTheNextHold() {
        IdentifyPacing pacing = newPacing();
        TestConnections.shared().sync().scriptFlush();

        assertThat(pacing.hold(BUCKET, FIRST, window()).taken()).isTrue();
        assertThat(pacing.hold(BUCKET, SECOND, window()).taken()).isFalse();
    }
}

package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.llm.ModelCallBudget;
import dev.parley.domain.llm.ModelCallBudgetContract;
import dev.parley.domain.llm.ModelCallQuota;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The budget contract against a real Redis, the second instance on a second client. Redis's clock
 * cannot be moved, so the window tests use a 1.2 s window and {@link #elapse} sleeps; the slack
 * allowed is measured as in {@link RedisReplyGateTest}: Redis's time since the budget was built
 * beyond what {@link #elapse} was asked to let pass.
 */
@Isolated
@Execution(ExecutionMode.SAME_THREAD)
class RedisModelCallBudgetTest extends ModelCallBudgetContract {

    private static final Duration CLOCK_RATE_ALLOWANCE = Duration.ofMillis(5);

    private RedisBudgetOptions options;
    private ModelCallQuota quota;
    private volatile Instant builtAt;
    private final AtomicLong elapsedNanos = new AtomicLong();

    @Override
    protected ModelCallBudget newBudget(ModelCallQuota quota) {
        this.quota = quota;
        this.options = new RedisBudgetOptions("budget-test-" + UUID.randomUUID());
        builtAt = redisTime(TestConnections.shared().sync());
        elapsedNanos.set(0);
        return new RedisModelCallBudget(TestConnections.shared(), quota, options);
    }

    @Override
    protected ModelCallBudget sharingStateWith(ModelCallBudget budget) {
        return new RedisModelCallBudget(TestConnections.second(), quota, options);
    }

    @Override
    protected Duration window() {
        return Duration.ofMillis(1200);
    }

    @Override
    protected Duration timingSlack() {
        Duration sinceBuilt = Duration.between(builtAt, redisTime(TestConnections.shared().sync()));
        return sinceBuilt.minusNanos(elapsedNanos.get()).plus(CLOCK_RATE_ALLOWANCE);
    }

    @Override
    protected void elapse(Duration duration) {
        RedisReplyGateTest.sleep(duration);
        elapsedNanos.addAndGet(duration.toNanos());
    }

    private static Instant redisTime(RedisClusterCommands<String, String> sync) {
        List<String> time = sync.time();
        return RedisTime.instant(Long.parseLong(time.get(0)) * 1_000_000L + Long.parseLong(time.get(1)));
    }

    @Test
    void theBudgetIsOneKeyUnderThePrefixWithAHashTagAndATtl() {
        ModelCallBudget budget = newBudget(ModelCallQuota.perHour(10));
        budget.tryTake();
        budget.tryTake();
        RedisClusterCommands<String, String> sync = TestConnections.shared().sync();
        String key = options.keyPrefix() + ":{llm}:budget";

        assertThat(options.budgetKey()).isEqualTo(key);
        assertThat(sync.keys(options.keyPrefix() + ":*")).containsExactly(key);
        assertThat(sync.hget(key, "n")).isEqualTo("2");
        assertThat(sync.pttl(key)).isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).plusSeconds(1).toMillis());
    }

    @Test
    void aFlushedScriptCacheIsRefilledOnTheNextTake() {
        ModelCallBudget budget = newBudget(ModelCallQuota.perHour(2));
        TestConnections.shared().sync().scriptFlush();

        assertThat(budget.tryTake().granted()).isTrue();
        assertThat(budget.tryTake().granted()).isTrue();
        assertThat(budget.tryTake().granted()).isFalse();
    }

    @Test
    void aRedisThatIsDownTakesNothingAndSaysSo() {
        RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
        try (RedisConnector connector = RedisConnector.connect(server.uri(), Duration.ofSeconds(2))) {
            ModelCallBudget budget = new RedisModelCallBudget(connector.live(), ModelCallQuota.perHour(5),
                    RedisBudgetOptions.defaults());
            assertThat(budget.tryTake().granted()).isTrue();

            server.stop();

            assertThatThrownBy(budget::tryTake).isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining("model-call budget").hasMessageNotContaining(server.uri());
        } finally {
            server.close();
        }
    }
}

package dev.parley.adapters.redis;

import dev.parley.domain.llm.ModelCallBudget;
import dev.parley.domain.llm.ModelCallQuota;
import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ModelCallBudget} shared by every instance on one Redis: each take is one script
 * ({@code budget.lua}) on one key, {@code <prefix>:{llm}:budget}, so racing instances never take
 * more than the quota. The window is measured on Redis {@code TIME}.
 *
 * <p>A Redis failure throws {@link dev.parley.domain.StorageUnavailableException} (nothing taken),
 * as the port says; the caller treats it as no budget.
 *
 * <pre>{@code
 * ModelCallBudget budget = new RedisModelCallBudget(redis.connection(), ModelCallQuota.perHour(500),
 *         RedisBudgetOptions.sharingPrefixWith(storeOptions));
 * }</pre>
 */
public final class RedisModelCallBudget implements ModelCallBudget {


    private final RedisCalls redis;
    private final List<String> keys;
    private final List<String> args;

    public RedisModelCallBudget(RedisConnection connection, ModelCallQuota quota, RedisBudgetOptions options) {
        Objects.requireNonNull(quota, "quota == null");
        Objects.requireNonNull(options, "options == null");
        this.redis = new RedisCalls(connection, ScriptClock.SERVER);
        this.keys = List.of(options.budgetKey());
        this.args = List.of(Long.toString(quota.calls()), Long.toString(RedisTime.micros(quota.window())));
    }

    @Override
    public BudgetDecision tryTake() {
        List<Object> reply = redis.script("model-call budget", LuaScript.BUDGET, ScriptOutputType.MULTI, keys, args);
        long resetsInMicros = RedisTime.parseMicros(reply.get(2));
        if (RedisTime.parseMicros(reply.get(0)) == 1L) {
            return new BudgetDecision.Granted(RedisTime.parseMicros(reply.get(1)), RedisTime.waitOf(resetsInMicros));
        }
        return new BudgetDecision.Exhausted(RedisTime.waitOf(resetsInMicros));
    }

}

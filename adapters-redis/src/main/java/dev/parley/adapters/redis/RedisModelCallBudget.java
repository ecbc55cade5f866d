package dev.parley.adapters.redis;

import dev.parley.domain.llm.ModelCallBudget;
import dev.parley.domain.llm.ModelCallQuota;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** budget.lua; loaded here rather than in {@link LuaScript}'s list, which {@link RedisCalls#preload} sends at start. */
    static final LuaScript SCRIPT = load("budget");

    private final RedisCalls redis;
    private final List<String> keys;
    private final List<String> args;

    public RedisModelCallBudget(StatefulRedisConnection<String, String> connection, ModelCallQuota quota, RedisBudgetOptions options) {
        Objects.requireNonNull(quota, "quota == null");
        Objects.requireNonNull(options, "options == null");
        this.redis = new RedisCalls(connection);
        this.keys = List.of(options.budgetKey());
        this.args = List.of(Long.toString(quota.calls()), Long.toString(RedisTime.micros(quota.window())));
    }

    @Override
    public BudgetDecision tryTake() {
        List<Object> reply = redis.script("model-call budget", SCRIPT, ScriptOutputType.MULTI, keys, args);
        long resetsInMicros = RedisTime.parseMicros(reply.get(2));
        if (RedisTime.parseMicros(reply.get(0)) == 1L) {
            return new BudgetDecision.Granted(RedisTime.parseMicros(reply.get(1)), RedisTime.waitOf(resetsInMicros));
        }
        return new BudgetDecision.Exhausted(RedisTime.waitOf(resetsInMicros));
    }

    private static LuaScript load(String name) {
        String resource = name + ".lua";
        try (InputStream in = RedisModelCallBudget.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("script resource missing from the jar: " + resource);
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new LuaScript(name, source, HexFormat.of().formatHex(digest));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script resource " + resource, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}

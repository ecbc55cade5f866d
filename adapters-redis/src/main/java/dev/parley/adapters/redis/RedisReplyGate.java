package dev.parley.adapters.redis;

import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link ReplyGate} shared by every instance on one Redis: each decision is one script
 * ({@code admit.lua}: responder cap, avatar and bot-reply cooldowns, place-keeping, and on
 * admission taking all three) and the narrative slot another ({@code narrative.lua}), so a
 * decision is one round trip and atomic across instances. The clock is Redis {@code TIME}:
 * {@link GateDecision.Admitted#at()} is the server's time, in microseconds. A cooldown deadline
 * further ahead than its cooldown (Redis's clock stepped back) is re-anchored at now plus the
 * cooldown, so no wait exceeds its configured length.
 *
 * <p>Fails closed: any Redis failure (down, timed out, refused) answers
 * {@code Denied(STORAGE_UNAVAILABLE, options.unavailablePause())}; it never throws and never
 * admits. Failures are logged at WARNING, at most once per {@link #LOG_INTERVAL}, never with the URI.
 *
 * <pre>{@code
 * ReplyGate gate = new RedisReplyGate(redis.live(), rules, RedisGateOptions.defaults());
 * }</pre>
 */
public final class RedisReplyGate implements ReplyGate {

    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(RedisReplyGate.class.getName());
    private static final byte[] ONE = {'1'};
    private static final byte[] ZERO = {'0'};

    private final RedisCalls redis;
    private final GateKeys keys;
    private final GateDecision.Denied unavailable;
    /** admit.lua's rule arguments, encoded once: a decision sends them as they are. */
    private final byte[] avatarCooldown;
    private final byte[] botReplyCooldown;
    private final byte[] maxResponders;
    private final byte[] maxWait;
    private final byte[] triggerMemory;
    private final List<String> narrativeArgs;
    private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong unloggedFailures = new AtomicLong();

    /** A gate over {@code connection} (shared with the other Redis adapters) applying {@code rules}. */
    public RedisReplyGate(RedisConnection connection, ReplyRules rules, RedisGateOptions options) {
        this(connection, rules, options, ScriptClock.SERVER);
    }

    RedisReplyGate(RedisConnection connection, ReplyRules rules, RedisGateOptions options, ScriptClock clock) {
        Objects.requireNonNull(rules, "rules == null");
        Objects.requireNonNull(options, "options == null");
        this.redis = new RedisCalls(connection, clock);
        this.keys = new GateKeys(options.keyPrefix());
        this.unavailable = new GateDecision.Denied(DenialReason.STORAGE_UNAVAILABLE, options.unavailablePause());
        this.avatarCooldown = ascii(RedisTime.micros(rules.avatarResponseCooldown()));
        this.botReplyCooldown = ascii(RedisTime.micros(rules.botReplyCooldown()));
        this.maxResponders = ascii(rules.maxRespondersPerMessage());
        this.maxWait = ascii(RedisTime.micros(rules.maxWait()));
        this.triggerMemory = ascii(rules.triggerMemory().toMillis());
        this.narrativeArgs = List.of(Long.toString(RedisTime.micros(rules.narrativeCooldown())));
    }

    @Override
    public GateDecision decide(ReplyRequest request) {
        Objects.requireNonNull(request, "request == null");
        String channel = keys.channel(request.channel());
        try {
            long reply = redis.integerScript("admit", LuaScript.ADMIT, 3,
                    GateKeys.botReplyCooldown(channel), GateKeys.avatarCooldown(channel, request.avatar()),
                    GateKeys.trigger(channel, request.trigger()),
                    request.avatar().value(), request.overrideCooldown() ? ONE : ZERO,
                    avatarCooldown, botReplyCooldown, maxResponders, maxWait, triggerMemory);
            return decision(reply);
        } catch (RuntimeException e) {
            return failClosed("reply decision", e);
        }
    }

    /** {@inheritDoc} One script, {@code release.lua}; a Redis failure is logged (rate-limited) and the cooldowns run out. */
    @Override
    public void release(ReplyRequest request, GateDecision.Admitted admission) {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(admission, "admission == null");
        String channel = keys.channel(request.channel());
        try {
            redis.integerScript("release", LuaScript.RELEASE, 2,
                    GateKeys.botReplyCooldown(channel), GateKeys.avatarCooldown(channel, request.avatar()),
                    Long.toString(RedisTime.epochMicros(admission.at())), avatarCooldown, botReplyCooldown);
        } catch (RuntimeException e) {
            logFailure("cooldown release", e);
        }
    }

    @Override
    public GateDecision tryTakeNarrativeSlot() {
        try {
            List<Object> reply = redis.script("narrative slot", LuaScript.NARRATIVE, ScriptOutputType.MULTI,
                    List.of(keys.narrativeCooldown()), narrativeArgs);
            if (isTaken(reply)) {
                return admitted(reply);
            }
            return new GateDecision.Denied(DenialReason.NARRATIVE_COOLDOWN, RedisTime.waitOf(RedisTime.parseMicros(reply.get(1))));
        } catch (RuntimeException e) {
            return failClosed("narrative slot", e);
        }
    }

    private static byte[] ascii(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads admit.lua's one-integer answer: the admission time, or the denial's wait and reason code. */
    static GateDecision decision(long reply) {
        if (reply > 0) {
            return new GateDecision.Admitted(RedisTime.instant(reply));
        }
        long encoded = -reply;
        int code = (int) (encoded % 4);
        long retryMicros = encoded / 4;
        return switch (code) {
            case 1 -> new GateDecision.Denied(DenialReason.AVATAR_COOLDOWN, RedisTime.waitOf(retryMicros));
            case 2 -> new GateDecision.Denied(DenialReason.BOT_REPLY_COOLDOWN, RedisTime.waitOf(retryMicros));
            case 3 -> GateDecision.Denied.respondersFull();
            default -> throw new IllegalStateException("admit.lua answered " + reply + ", which is no decision");
        };
    }

    private static boolean isTaken(List<Object> reply) {
        return RedisTime.parseMicros(reply.get(0)) == 1L;
    }

    private static GateDecision admitted(List<Object> reply) {
        return new GateDecision.Admitted(RedisTime.instant(RedisTime.parseMicros(reply.get(1))));
    }

    /** Any failure, including a reply this code cannot read, denies: admitting blindly could double-reply. */
    private GateDecision failClosed(String operation, RuntimeException e) {
        logFailure(operation, e);
        return unavailable;
    }

    private void logFailure(String operation, RuntimeException e) {
        long now = System.nanoTime();
        long due = nextLogNanos.get();
        if (now - due >= 0 && nextLogNanos.compareAndSet(due, now + LOG_INTERVAL.toNanos())) {
            long suppressed = unloggedFailures.getAndSet(0);
            LOG.log(System.Logger.Level.WARNING, "Reply gate {0} failed; decisions deny while Redis fails ({1} more failures since the last warning): {2}",
                    operation, suppressed, e.getMessage());
        } else {
            unloggedFailures.incrementAndGet();
        }
    }
}

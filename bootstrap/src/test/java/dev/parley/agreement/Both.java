package dev.parley.agreement;

import dev.parley.adapters.memory.InMemoryAvatarRoster;
import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.adapters.memory.InMemoryReplyGate;
import dev.parley.adapters.redis.RedisAvatarRoster;
import dev.parley.adapters.redis.RedisConnection;
import dev.parley.adapters.redis.RedisGateOptions;
import dev.parley.adapters.redis.RedisOnTestClock;
import dev.parley.adapters.redis.RedisStoreOptions;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The memory adapters and the Redis adapters side by side over one test clock: the state a
 * sequence of {@link Operations} runs on. {@link #agree} runs one operation on both and fails on
 * the first answer that differs.
 */
final class Both {

    static final Duration IDLE = Duration.ofMinutes(5);
    static final Duration LEASE = Duration.ofSeconds(60);
    static final int CAP = 3;
    /**
     * Cooldowns short against the time a sequence moves (so they end within it) and long against
     * the real time a sequence takes (Redis also lets a cooldown key expire on its own clock, after
     * the cooldown: only the stored deadline must decide here). The trigger memory is longer than
     * any sequence moves time: Redis forgets triggers by TTL on its real clock, memory by the test
     * clock, and a sequence cannot make real time pass.
     */
    static final ReplyRules RULES = ReplyRules.defaults()
            .withAvatarResponseCooldown(Duration.ofSeconds(30))
            .withBotReplyCooldown(Duration.ofSeconds(60))
            .withNarrativeCooldown(Duration.ofHours(1))
            .withMaxWait(Duration.ofSeconds(90))
            .withTriggerMemory(Duration.ofDays(2));

    final MutableClock clock;
    private final RedisConnection connection;
    private final RedisGateOptions gateOptions;
    final ConversationStore memoryStore;
    final ConversationStore redisStore;
    final ReplyGate memoryGate;
    final ReplyGate redisGate;
    InMemoryAvatarRoster memoryRoster;
    RedisAvatarRoster redisRoster;
    int cap = CAP;
    /** Every claim handed out so far: the same conversation under each adapter's claim id. */
    final List<Claim> claims = new ArrayList<>();

    Both(RedisConnection connection) {
        this.connection = connection;
        // Ahead of the real clock: Redis gives keys absolute expiry times computed from the test clock.
        this.clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS));
        String prefix = "agree-" + UUID.randomUUID();
        // The TTL safety net (grace) is Redis's alone, by design: longer than any sequence, it never fires here.
        RedisStoreOptions storeOptions = RedisStoreOptions.defaults().withKeyPrefix(prefix).withShards(2).withGrace(Duration.ofDays(30));
        this.gateOptions = RedisGateOptions.defaults().withKeyPrefix(prefix);
        this.memoryStore = new InMemoryConversationStore(clock);
        this.redisStore = RedisOnTestClock.store(connection, storeOptions, clock);
        this.memoryGate = new InMemoryReplyGate(RULES, clock);
        this.redisGate = RedisOnTestClock.gate(connection, RULES, gateOptions, clock);
        this.memoryRoster = new InMemoryAvatarRoster(CAP, clock);
        this.redisRoster = RedisOnTestClock.roster(connection, CAP, gateOptions, clock);
    }

    /** Both rosters seen through a lower cap, as instances restarted with a lower setting see the shared one. */
    void lowerCap(int lowered) {
        cap = lowered;
        memoryRoster = memoryRoster.withMaxActivePerChannel(lowered);
        redisRoster = RedisOnTestClock.roster(connection, lowered, gateOptions, clock);
    }

    AvatarRoster memoryRoster() {
        return memoryRoster;
    }

    AvatarRoster redisRoster() {
        return redisRoster;
    }

    /** Every operation takes at least a millisecond, as on a real clock. */
    void tick() {
        clock.advance(Duration.ofMillis(1));
    }

    /**
     * Runs {@code operation} on the memory side and on the Redis side and returns the memory
     * side's answer (null if both threw); fails unless both answered the same or threw the same
     * kind of exception.
     */
    <T> T agree(String what, Function<Side, T> operation) {
        Outcome<T> memory = Outcome.of(() -> operation.apply(Side.MEMORY));
        Outcome<T> redis = Outcome.of(() -> operation.apply(Side.REDIS));
        if (!memory.sameAs(redis)) {
            throw new AssertionError(what + " at " + clock.instant() + ": memory answered " + memory + ", Redis answered " + redis);
        }
        return memory.result();
    }

    /** Records the claims one claimIdle handed out on each side (equal conversations, in the same order) as pairs. */
    void handedOut(List<ClaimedConversation> memory, List<ClaimedConversation> redis) {
        for (int i = 0; i < memory.size(); i++) {
            Conversation conversation = memory.get(i).conversation();
            String memoryId = memory.get(i).claimId();
            String redisId = redis.get(i).claimId();
            Claim known = claims.stream().filter(c -> c.conversation().equals(conversation)).findFirst().orElse(null);
            if (known == null) {
                claims.add(new Claim(memoryId, redisId, conversation));
            } else if (!known.memoryId().equals(memoryId) || !known.redisId().equals(redisId)) {
                throw new AssertionError("a conversation handed out again must keep its claim id: memory " + known.memoryId() + " -> "
                        + memoryId + ", Redis " + known.redisId() + " -> " + redisId);
            }
        }
    }

    /** Claims in a canonical order, so two adapters' batches compare regardless of the order they list them in. */
    static List<ClaimedConversation> canonical(List<ClaimedConversation> claimed) {
        return claimed.stream()
                .sorted(Comparator.comparing((ClaimedConversation c) -> c.conversation().threadId().value())
                        .thenComparing(c -> c.conversation().createdAt()))
                .toList();
    }

    enum Side { MEMORY, REDIS }

    record Claim(String memoryId, String redisId, Conversation conversation) {

        String id(Side side) {
            return side == Side.MEMORY ? memoryId : redisId;
        }
    }

    /** An answer or the kind of exception thrown instead; two outcomes agree on the value, or on the exception's class. */
    record Outcome<T>(T result, RuntimeException failure) {

        static <T> Outcome<T> of(java.util.function.Supplier<T> call) {
            try {
                return new Outcome<>(call.get(), null);
            } catch (RuntimeException e) {
                return new Outcome<>(null, e);
            }
        }

        boolean sameAs(Outcome<T> other) {
            if (failure != null || other.failure != null) {
                return failure != null && other.failure != null && failure.getClass().equals(other.failure.getClass());
            }
            return Objects.equals(result, other.result);
        }

        @Override
        public String toString() {
            return failure != null ? "exception " + failure : String.valueOf(result);
        }
    }

    @Override
    public String toString() {
        return "memory and Redis at " + clock.instant();
    }
}

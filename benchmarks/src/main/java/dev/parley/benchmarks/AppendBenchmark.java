package dev.parley.benchmarks;

import dev.parley.adapters.memory.InMemoryConversationStore;
import dev.parley.adapters.redis.RedisConnection;
import dev.parley.adapters.redis.RedisConversationStore;
import dev.parley.adapters.redis.RedisStoreOptions;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Appends per second on the memory store, on the Redis store, and on a raw Lettuce baseline doing
 * one {@code EVALSHA} of a small append-like script, all at the same concurrency in one run; then
 * Redis round trips and commands per append, and the append cost at history length 10 against
 * 10,000.
 */
final class AppendBenchmark {

    /**
     * The raw baseline: the same Redis commands the store's append script runs for a message with an
     * id from a known participant (HMGET, TIME, SADD, RPUSH, ZADD), with fixed arguments and no
     * Parley code around it. Store/raw is then Parley's own cost per append.
     */
    private static final String SAME_WORK_SCRIPT = """
            local meta = redis.call('HMGET', KEYS[1], 'expires_at', 'p:123456789012345678')
            local t = redis.call('TIME')
            redis.call('SADD', KEYS[3], ARGV[2])
            redis.call('RPUSH', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[4], tonumber(t[1]) * 1000 + 300000, KEYS[1])
            return 1
            """;
    /** The least an append can be: push the message, move the deadline. A floor, for reference. */
    private static final String FLOOR_SCRIPT = """
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('ZADD', KEYS[2], ARGV[2], KEYS[1])
            return 1
            """;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** Every message gets a fresh Discord id: a repeated id would be a replay, which the store ignores. */
    private static final java.util.concurrent.atomic.AtomicLong MESSAGE_IDS = new java.util.concurrent.atomic.AtomicLong(1_000_000_000_000L);
    private static final Duration IDLE = Duration.ofMinutes(5);
    /** The default limits per message, none per conversation: one conversation takes every append of a run. */
    private static final dev.parley.domain.conversation.ConversationLimits UNCAPPED = dev.parley.domain.conversation.ConversationLimits
            .defaults().withMaxMessages(Integer.MAX_VALUE).withMaxBytes(Long.MAX_VALUE);
    private static final UserId USER = UserId.of("123456789012345678");
    private static final GuildId GUILD = GuildId.of("987654321");
    private static final String CONTENT = "A message of about the length people write in a Discord channel, give or take.";
    /** What the store sends for such a message, give or take the timestamp, so the raw scripts carry as many bytes. */
    private static final String MESSAGE_JSON = "{\"at\":\"2026-01-01T00:00:00.001Z\",\"type\":\"chat\",\"content\":\"" + CONTENT
            + "\",\"requester\":\"123456789012345678\",\"id\":\"1000000000001\"}";

    private final Settings settings;
    private final PrintStream out;

    AppendBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    record Settings(List<Integer> writers, Duration warmup, Duration measure, int rounds, int longHistory) {
    }

    void run(String redisUri) throws Exception {
        CountingRedisClient counting = new CountingRedisClient(redisUri);
        RedisClient client = counting.client();
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            redis.flushall();
            RedisConversationStore redisStore = new RedisConversationStore(RedisConnection.of(connection), RedisStoreOptions.defaults().withKeyPrefix("bench"));

            out.printf("%nAppend throughput (appends/s; each writer appends to its own conversation; %s warm-up, %s measured,"
                    + " best of %d interleaved rounds)%n", settings.warmup(), settings.measure(), settings.rounds());
            out.printf("%8s | %13s | %13s | %17s | %9s | %16s%n",
                    "writers", "memory store", "Redis store", "raw, same work", "store/raw", "raw, 2-cmd floor");
            for (int writers : settings.writers()) {
                double memory = 0;
                double viaStore = 0;
                double raw = 0;
                double floor = 0;
                for (int round = 0; round < settings.rounds(); round++) {
                    String sameWork = redis.scriptLoad(SAME_WORK_SCRIPT);
                    String floorSha = redis.scriptLoad(FLOOR_SCRIPT);
                    memory = Math.max(memory, appendRate(new InMemoryConversationStore(Clock.systemUTC()), writers, "1" + round + writers));
                    viaStore = Math.max(viaStore, appendRate(redisStore, writers, "2" + round + writers));
                    raw = Math.max(raw, Load.throughput(writers, settings.warmup(), settings.measure(), w -> i -> connection.sync()
                            .evalsha(sameWork, ScriptOutputType.INTEGER,
                                    new String[] {"bench:raw:conv:" + w, "bench:raw:msgs:" + w, "bench:raw:ids:" + w, "bench:raw:due"},
                                    MESSAGE_JSON, String.valueOf(1_000_000_000_000L + i))));
                    floor = Math.max(floor, Load.throughput(writers, settings.warmup(), settings.measure(), w -> i -> connection.sync()
                            .evalsha(floorSha, ScriptOutputType.INTEGER, new String[] {"bench:floor:" + w, "bench:floor:due"},
                                    MESSAGE_JSON, String.valueOf(i))));
                    redis.flushall();
                }
                out.printf("%8d | %13.0f | %13.0f | %17.0f | %8.0f%% | %16.0f%n", writers, memory, viaStore, raw, 100 * viaStore / raw, floor);
            }

            ThreadId probe = ThreadId.of("777");
            redisStore.create(conversation(probe), IDLE);
            int appends = 1_000;
            CommandStats before = CommandStats.parse(redis.info("commandstats"));
            long tripsBefore = counting.roundTrips();
            for (int i = 0; i < appends; i++) {
                redisStore.append(probe, message(i), IDLE, UNCAPPED);
            }
            long trips = counting.roundTrips() - tripsBefore - 1; // the INFO below is counted before it returns
            CommandStats ran = CommandStats.parse(redis.info("commandstats")).since(before);
            out.printf("%nRedis per append (%d appends): %.2f round trips (client side), %.1f commands executed in Redis "
                    + "(EVALSHA %d, all commands %d)%n", appends, (double) trips / appends, (double) (ran.total() - 1) / appends,
                    ran.roundTrips(), ran.total() - 1);

            out.printf("%nAppend cost by history length (1 writer; appends/s)%n");
            out.printf("%14s | %12s | %12s | %s%n", "store", "history 10", "history " + settings.longHistory(), "cost ratio long/short");
            historyRatio("memory", new InMemoryConversationStore(Clock.systemUTC()));
            historyRatio("Redis", redisStore);
        } finally {
            counting.close();
        }
    }

    private double appendRate(ConversationStore store, int writers, String threadPrefix) throws InterruptedException {
        for (int w = 0; w < writers; w++) {
            store.create(conversation(ThreadId.of(threadPrefix + "00" + w)), IDLE);
        }
        return Load.throughput(writers, settings.warmup(), settings.measure(), w -> {
            ThreadId thread = ThreadId.of(threadPrefix + "00" + w);
            return i -> requireAppended(store.append(thread, message(i), IDLE, UNCAPPED));
        });
    }

    private void historyRatio(String name, ConversationStore store) throws InterruptedException {
        ThreadId shortThread = ThreadId.of("8010");
        ThreadId longThread = ThreadId.of("8020");
        store.create(conversation(shortThread), IDLE);
        store.create(conversation(longThread), IDLE);
        for (int i = 0; i < 10; i++) {
            store.append(shortThread, message(i), IDLE, UNCAPPED);
        }
        for (int i = 0; i < settings.longHistory(); i++) {
            store.append(longThread, message(i), IDLE, UNCAPPED);
        }
        // Both measured twice, interleaved, and the better kept: the machine's noise should not pick the winner.
        double shortRate = 0;
        double longRate = 0;
        for (int round = 0; round < settings.rounds(); round++) {
            shortRate = Math.max(shortRate, Load.throughput(1, settings.warmup(), settings.measure(),
                    w -> i -> requireAppended(store.append(shortThread, message(i), IDLE, UNCAPPED))));
            longRate = Math.max(longRate, Load.throughput(1, settings.warmup(), settings.measure(),
                    w -> i -> requireAppended(store.append(longThread, message(i), IDLE, UNCAPPED))));
        }
        out.printf("%14s | %12.0f | %12.0f | %.2f%n", name, shortRate, longRate, shortRate / longRate);
        store.remove(shortThread);
        store.remove(longThread);
    }

    private static Conversation conversation(ThreadId thread) {
        return Conversation.start(thread, GUILD, "Benchmark Guild", USER, START);
    }

    /** A user's message with its Discord id, as the bot adapter records it. */
    private static Message message(long i) {
        return Message.chat(START.plusMillis(i), CONTENT).from(USER)
                .withId(MessageId.of(String.valueOf(MESSAGE_IDS.incrementAndGet())));
    }

    private static void requireAppended(AppendOutcome outcome) {
        if (outcome != AppendOutcome.APPENDED) {
            throw new IllegalStateException("append was not applied: " + outcome);
        }
    }
}

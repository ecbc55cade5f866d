package dev.parley.benchmarks;

import dev.parley.adapters.memory.InMemoryAvatarRoster;
import dev.parley.adapters.memory.InMemoryReplyGate;
import dev.parley.adapters.redis.RedisAvatarRoster;
import dev.parley.adapters.redis.RedisConnection;
import dev.parley.adapters.redis.RedisGateOptions;
import dev.parley.adapters.redis.RedisReplyGate;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyGate;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reply-gate decisions and avatar activations per second on memory and on Redis, beside Bucket4j's
 * Lettuce-based distributed bucket ({@code tryConsume(1)}, a bucket per channel) and a raw
 * {@code SET key val NX PX ttl}, all on the same Redis at the same concurrency in one run; then
 * Redis round trips (client side) and commands executed (server side) per decision.
 *
 * <p>The workload: each call picks one of {@link #CHANNELS} channels, one of {@link #AVATARS}
 * avatars and one of the channel's {@link #TRIGGERS_PER_CHANNEL} latest trigger messages at
 * random, with the default rules (5 s, 10 s, 2 responders). Most decisions are therefore denials
 * (a channel admits at most one reply per 10 s); the mix measured is printed. The baselines see
 * the same channel choice: Bucket4j holds one token per channel refilled every 10 s, the raw SET
 * takes a 10 s key per channel.
 */
final class GateBenchmark {

    static final int CHANNELS = 10_000;
    static final int AVATARS = 20;
    static final int TRIGGERS_PER_CHANNEL = 4;
    private static final ReplyRules RULES = ReplyRules.defaults();

    private final Settings settings;
    private final PrintStream out;
    private final ChannelId[] channels = new ChannelId[CHANNELS];
    private final AvatarId[] avatars = new AvatarId[AVATARS];
    /** Built once, so the callers measure the gate rather than parsing ids. */
    private final MessageId[] triggers = new MessageId[CHANNELS * TRIGGERS_PER_CHANNEL];

    GateBenchmark(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        for (int c = 0; c < CHANNELS; c++) {
            channels[c] = ChannelId.of(Long.toString(100_000_000_000L + c));
        }
        for (int t = 0; t < triggers.length; t++) {
            triggers[t] = MessageId.of(Long.toString(200_000_000_000L + t));
        }
        for (int a = 0; a < AVATARS; a++) {
            avatars[a] = AvatarId.of("avatar-" + a);
        }
    }

    record Settings(List<Integer> threads, Duration warmup, Duration measure, int rounds) {
    }

    /** The outcomes of the decisions one setup made, to print the mix measured; one counter per outcome, no lookups. */
    private static final class Outcomes {
        final LongAdder admitted = new LongAdder();
        final LongAdder[] denied = new LongAdder[DenialReason.values().length];

        Outcomes() {
            for (int i = 0; i < denied.length; i++) {
                denied[i] = new LongAdder();
            }
        }

        void record(GateDecision decision) {
            if (decision instanceof GateDecision.Denied d) {
                denied[d.reason().ordinal()].increment();
            } else {
                admitted.increment();
            }
        }

        String mix() {
            long total = admitted.sum() + Arrays.stream(denied).mapToLong(LongAdder::sum).sum();
            StringBuilder text = new StringBuilder(String.format("admitted %.1f%%", 100.0 * admitted.sum() / total));
            for (DenialReason reason : DenialReason.values()) {
                long n = denied[reason.ordinal()].sum();
                if (n > 0) {
                    text.append(String.format(", %s %.1f%%", reason.name().toLowerCase(java.util.Locale.ROOT), 100.0 * n / total));
                }
            }
            return text + String.format(" (%,d decisions)", total);
        }
    }

    /**
     * CPU spent per call under load, on both sides: this JVM's process CPU (callers, Lettuce's event
     * loop, GC) and Redis's own (INFO cpu), over every round of one setup. On a machine where the
     * client and Redis share the cores, their sum is what limits throughput.
     */
    private static final class CpuMeter {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        final LongAdder calls = new LongAdder();
        private double clientSeconds;
        private double redisSeconds;

        double measure(RedisCommands<String, String> redis, Rate rate) throws InterruptedException {
            long clientBefore = OS.getProcessCpuTime();
            double redisBefore = serverCpuSeconds(redis.info("cpu"));
            double result = rate.measure();
            redisSeconds += serverCpuSeconds(redis.info("cpu")) - redisBefore;
            clientSeconds += (OS.getProcessCpuTime() - clientBefore) / 1e9;
            return result;
        }

        Load.Operation counting(Load.Operation operation) {
            return i -> {
                operation.run(i);
                calls.increment();
            };
        }

        String row(String name) {
            double n = calls.sum();
            return String.format("%22s | %14.1f | %13.1f | %9.1f", name, clientSeconds * 1e6 / n, redisSeconds * 1e6 / n,
                    (clientSeconds + redisSeconds) * 1e6 / n);
        }
    }

    @FunctionalInterface
    private interface Rate {
        double measure() throws InterruptedException;
    }

    void run(String redisUri) throws Exception {
        CountingRedisClient counting = new CountingRedisClient(redisUri);
        RedisClient client = counting.client();
        try (StatefulRedisConnection<String, String> connection = client.connect();
             StatefulRedisConnection<byte[], byte[]> bytes = client.connect(ByteArrayCodec.INSTANCE)) {
            RedisCommands<String, String> redis = connection.sync();
            redis.flushall();
            ProxyManager<byte[]> buckets = Bucket4jLettuce.casBasedBuilder(bytes)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build();
            BucketConfiguration oneReplyPer10s = BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(1).refillIntervally(1, RULES.botReplyCooldown()))
                    .build();
            SetArgs cooldown = SetArgs.Builder.nx().px(RULES.botReplyCooldown().toMillis());
            Outcomes memoryMix = new Outcomes();
            Outcomes redisMix = new Outcomes();
            LongAdder bucketTaken = new LongAdder();
            LongAdder bucketCalls = new LongAdder();
            CpuMeter gateCpu = new CpuMeter();
            CpuMeter bucketCpu = new CpuMeter();
            CpuMeter rawCpu = new CpuMeter();

            out.printf("%nReply gate (decisions/s and activations/s; %,d channels, %d avatars, %d live triggers per channel,"
                    + " default rules; %s warm-up, %s measured, best of %d interleaved rounds, fresh keys each round)%n",
                    CHANNELS, AVATARS, TRIGGERS_PER_CHANNEL, settings.warmup(), settings.measure(), settings.rounds());
            out.printf("%8s | %12s | %12s | %15s | %12s | %14s | %14s | %14s%n", "threads", "memory gate", "Redis gate",
                    "Bucket4j Lettuce", "raw SET NX PX", "gate/Bucket4j", "memory roster", "Redis roster");
            for (int threads : settings.threads()) {
                double memory = 0;
                double viaRedis = 0;
                double bucket4j = 0;
                double raw = 0;
                double memoryRoster = 0;
                double redisRoster = 0;
                for (int round = 0; round < settings.rounds(); round++) {
                    String prefix = "bench-" + threads + "-" + round;
                    RedisGateOptions options = RedisGateOptions.defaults().withKeyPrefix(prefix);
                    memory = Math.max(memory, decisionRate(new InMemoryReplyGate(RULES, Clock.systemUTC()), threads, memoryMix));
                    ReplyGate redisGate = new RedisReplyGate(RedisConnection.of(connection), RULES, options);
                    viaRedis = Math.max(viaRedis, gateCpu.measure(redis, () -> Load.throughput(threads, settings.warmup(),
                            settings.measure(), w -> gateCpu.counting(i -> redisMix.record(redisGate.decide(randomRequest()))))));
                    BucketProxy[] proxies = new BucketProxy[CHANNELS];
                    for (int c = 0; c < CHANNELS; c++) {
                        proxies[c] = buckets.builder().build((prefix + ":bucket:" + c).getBytes(StandardCharsets.UTF_8), () -> oneReplyPer10s);
                    }
                    bucket4j = Math.max(bucket4j, bucketCpu.measure(redis, () -> Load.throughput(threads, settings.warmup(),
                            settings.measure(), w -> bucketCpu.counting(i -> {
                                bucketCalls.increment();
                                if (proxies[ThreadLocalRandom.current().nextInt(CHANNELS)].tryConsume(1)) {
                                    bucketTaken.increment();
                                }
                            }))));
                    String rawPrefix = prefix + ":raw:";
                    raw = Math.max(raw, rawCpu.measure(redis, () -> Load.throughput(threads, settings.warmup(), settings.measure(),
                            w -> rawCpu.counting(i -> connection.sync().set(rawPrefix + ThreadLocalRandom.current().nextInt(CHANNELS), "1",
                                    cooldown)))));
                    memoryRoster = Math.max(memoryRoster,
                            activationRate(new InMemoryAvatarRoster(RULES.maxActiveAvatarsPerChannel(), Clock.systemUTC()), threads));
                    redisRoster = Math.max(redisRoster,
                            activationRate(new RedisAvatarRoster(RedisConnection.of(connection), RULES.maxActiveAvatarsPerChannel(), options), threads));
                    redis.flushall();
                }
                out.printf("%8d | %12.0f | %12.0f | %15.0f | %13.0f | %13.0f%% | %14.0f | %14.0f%n", threads, memory, viaRedis, bucket4j, raw,
                        100 * viaRedis / bucket4j, memoryRoster, redisRoster);
            }
            out.printf("%nDecision mix measured: memory gate %s; Redis gate %s; Bucket4j token taken %.1f%% (%,d calls)%n",
                    memoryMix.mix(), redisMix.mix(), 100.0 * bucketTaken.sum() / bucketCalls.sum(), bucketCalls.sum());

            out.printf("%nCPU per call under load (every round and thread count above, warm-up included): this JVM's process CPU"
                    + " and Redis's (INFO cpu), in microseconds%n");
            out.printf("%22s | %14s | %13s | %9s%n", "call", "client CPU us", "Redis CPU us", "total us");
            out.println(gateCpu.row("Redis gate decide"));
            out.println(bucketCpu.row("Bucket4j tryConsume(1)"));
            out.println(rawCpu.row("raw SET NX PX"));

            out.printf("%nRedis per call (5,000 sequential calls each, same workload, fresh keys): round trips counted by the client,"
                    + " commands executed (the EVALSHA/EVAL itself included) and CPU used counted by Redis%n");
            out.printf("%22s | %11s | %17s | %18s%n", "call", "round trips", "commands executed", "Redis CPU us/call");
            RedisGateOptions probe = RedisGateOptions.defaults().withKeyPrefix("bench-probe");
            ReplyGate gate = new RedisReplyGate(RedisConnection.of(connection), RULES, probe);
            AvatarRoster roster = new RedisAvatarRoster(RedisConnection.of(connection), RULES.maxActiveAvatarsPerChannel(), probe);
            BucketProxy[] probeBuckets = new BucketProxy[CHANNELS];
            for (int c = 0; c < CHANNELS; c++) {
                probeBuckets[c] = buckets.builder().build(("bench-probe:bucket:" + c).getBytes(StandardCharsets.UTF_8), () -> oneReplyPer10s);
            }
            perCall("Redis gate decide", redis, counting, () -> gate.decide(randomRequest()));
            perCall("Redis narrative slot", redis, counting, gate::tryTakeNarrativeSlot);
            perCall("Redis roster activate", redis, counting,
                    () -> roster.activate(channels[ThreadLocalRandom.current().nextInt(CHANNELS)], randomAvatar()));
            perCall("Bucket4j tryConsume(1)", redis, counting,
                    () -> probeBuckets[ThreadLocalRandom.current().nextInt(CHANNELS)].tryConsume(1));
            perCall("raw SET NX PX", redis, counting,
                    () -> redis.set("bench-probe:raw:" + ThreadLocalRandom.current().nextInt(CHANNELS), "1", cooldown));
            redis.flushall();
        } finally {
            counting.close();
        }
    }

    private double decisionRate(ReplyGate gate, int threads, Outcomes outcomes) throws InterruptedException {
        return Load.throughput(threads, settings.warmup(), settings.measure(), w -> i -> outcomes.record(gate.decide(randomRequest())));
    }

    private double activationRate(AvatarRoster roster, int threads) throws InterruptedException {
        return Load.throughput(threads, settings.warmup(), settings.measure(), w -> i ->
                roster.activate(channels[ThreadLocalRandom.current().nextInt(CHANNELS)], randomAvatar()));
    }

    private ReplyRequest randomRequest() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int channel = random.nextInt(CHANNELS);
        MessageId trigger = triggers[channel * TRIGGERS_PER_CHANNEL + random.nextInt(TRIGGERS_PER_CHANNEL)];
        return ReplyRequest.of(channels[channel], randomAvatar(), trigger);
    }

    private AvatarId randomAvatar() {
        return avatars[ThreadLocalRandom.current().nextInt(AVATARS)];
    }

    private void perCall(String name, RedisCommands<String, String> redis, CountingRedisClient counting, Runnable call) {
        int calls = 5_000;
        CommandStats before = CommandStats.parse(redis.info("commandstats"));
        double cpuBefore = serverCpuSeconds(redis.info("cpu"));
        long tripsBefore = counting.roundTrips();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        long trips = counting.roundTrips() - tripsBefore - 1; // the INFO below is counted before it returns
        double cpu = serverCpuSeconds(redis.info("cpu")) - cpuBefore;
        CommandStats ran = CommandStats.parse(redis.info("commandstats")).since(before);
        out.printf("%22s | %11.2f | %17.2f | %18.1f%n", name, (double) trips / calls, (double) ran.total() / calls, cpu * 1e6 / calls);
    }

    /** Redis's own CPU time (user + system), so the table shows what each call costs the one Redis thread. */
    private static double serverCpuSeconds(String info) {
        double seconds = 0;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return seconds;
    }
}

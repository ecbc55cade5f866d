package dev.parley.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Prints Parley's performance figures, each beside a baseline measured in the same run (the
 * machines are noisy: compare ratios, not absolute numbers).
 *
 * <pre>
 * java -jar benchmarks/target/parley-benchmarks.jar [--writers 1,8,32] [--seconds 3] [--warmup 1]
 *      [--rounds 2] [--long-history 10000] [--redis-uri redis://127.0.0.1:6379] [--only append|gate|claim]
 *      [--claim-threads 4] [--claim-rounds 5]
 * </pre>
 *
 * {@code --writers} is the list of concurrencies (threads) every table is measured at;
 * {@code --only} runs one benchmark (append: the conversation store; gate: the reply gate and roster;
 * claim: claiming long conversations, alone and under gate load, with {@code --claim-threads} deciders
 * and {@code --claim-rounds} claims per setup).
 *
 * Without {@code --redis-uri} a {@code redis-server} from the PATH is started on a free loopback port.
 *
 * <p>{@code java -jar parley-benchmarks.jar archive [options]} runs the archive scale benchmark
 * instead ({@link ArchiveScaleBenchmark}); {@code java -jar parley-benchmarks.jar responder [options]} the
 * response flow against a fake model ({@link ResponderBenchmark}); {@code java -jar parley-benchmarks.jar discord [options]}
 * the Discord bot from gateway event to webhook post against a fake Discord ({@link DiscordBotBenchmark}).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("responder")) {
            // The response flow against a fake model needs no Redis: its own options follow (see ResponderBenchmark).
            ResponderBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("discord")) {
            // The bot against a fake Discord and a fake model needs no Redis: its own options follow (see DiscordBotBenchmark).
            DiscordBotBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("archive")) {
            // The archive at scale needs no Redis: its own options follow (see ArchiveScaleBenchmark).
            ArchiveScaleBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        List<Integer> writers = List.of(1, 8, 32);
        Duration measure = Duration.ofSeconds(3);
        Duration warmup = Duration.ofSeconds(1);
        int longHistory = 10_000;
        int rounds = 2;
        String redisUri = null;
        String only = null;
        int claimThreads = 4;
        int claimRounds = 5;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--writers" -> writers = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--seconds" -> measure = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                case "--warmup" -> warmup = Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
                case "--long-history" -> longHistory = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--redis-uri" -> redisUri = value;
                case "--claim-threads" -> claimThreads = Integer.parseInt(value);
                case "--claim-rounds" -> claimRounds = Integer.parseInt(value);
                case "--only" -> {
                    if (!value.equals("append") && !value.equals("gate") && !value.equals("claim")) {
                        System.err.println("--only takes append, gate or claim, got \"" + value + "\"");
                        System.exit(2);
                    }
                    only = value;
                }
                default -> {
                    System.err.println("unknown option " + args[i]
                            + "; usage: [--writers 1,8,32] [--seconds 3] [--warmup 1] [--long-history 10000] [--rounds 2] [--redis-uri URI] [--only append|gate|claim] [--claim-threads 4] [--claim-rounds 5]");
                    System.exit(2);
                }
            }
            i++;
        }
        try (LocalRedis redis = redisUri == null ? LocalRedis.start() : LocalRedis.at(redisUri)) {
            System.out.printf("Parley benchmarks: JDK %s, %d cores, %s%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), redis);
            if (only == null || only.equals("append")) {
                new AppendBenchmark(new AppendBenchmark.Settings(writers, warmup, measure, rounds, longHistory), System.out).run(redis.uri());
            }
            if (only == null || only.equals("gate")) {
                new GateBenchmark(new GateBenchmark.Settings(writers, warmup, measure, rounds), System.out).run(redis.uri());
            }
            if (only == null || only.equals("claim")) {
                new ClaimBenchmark(new ClaimBenchmark.Settings(claimThreads, claimRounds, longHistory), System.out).run(redis.uri());
            }
        }
    }
}

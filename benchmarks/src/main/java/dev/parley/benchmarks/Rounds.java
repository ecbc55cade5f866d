package dev.parley.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How a writer-threads benchmark runs: at each of {@code writers} thread counts, {@code rounds}
 * interleaved rounds of {@code warmup} then {@code measure}. Parsed from
 * {@code [--writers 1,8] [--seconds 3] [--warmup 1] [--rounds 2]}.
 */
record Rounds(List<Integer> writers, Duration warmup, Duration measure, int rounds) {

    /** The options after the benchmark's name; an unknown one prints the usage and exits with status 2. */
    static Rounds parse(String benchmark, String[] args) {
        List<Integer> writers = List.of(1, 8);
        Duration measure = Duration.ofSeconds(3);
        Duration warmup = Duration.ofSeconds(1);
        int rounds = 2;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--writers" -> writers = Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
                case "--seconds" -> measure = seconds(value);
                case "--warmup" -> warmup = seconds(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                default -> {
                    System.err.println("unknown option " + args[i] + "; usage: " + benchmark
                            + " [--writers 1,8] [--seconds 3] [--warmup 1] [--rounds 2]");
                    System.exit(2);
                }
            }
        }
        return new Rounds(writers, warmup, measure, rounds);
    }

    private static Duration seconds(String value) {
        return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
    }
}

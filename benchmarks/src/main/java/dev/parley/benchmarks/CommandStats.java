package dev.parley.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * Redis's {@code INFO commandstats}: how many times each command ran. Commands a Lua script calls
 * are counted too, so the difference of two readings gives both the round trips (top-level
 * {@code EVALSHA}/{@code EVAL}) and every command executed.
 */
record CommandStats(Map<String, Long> calls) {

    static CommandStats parse(String info) {
        Map<String, Long> calls = new HashMap<>();
        for (String line : info.split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                if (field.startsWith("calls=")) {
                    calls.put(name, Long.parseLong(field.substring("calls=".length())));
                }
            }
        }
        return new CommandStats(calls);
    }

    /** What ran between {@code earlier} and this reading. */
    CommandStats since(CommandStats earlier) {
        Map<String, Long> delta = new HashMap<>();
        calls.forEach((name, count) -> delta.put(name, count - earlier.calls.getOrDefault(name, 0L)));
        return new CommandStats(delta);
    }

    long total() {
        return calls.entrySet().stream().filter(e -> !e.getKey().equals("info")).mapToLong(Map.Entry::getValue).sum();
    }

    long roundTrips() {
        return calls.getOrDefault("evalsha", 0L) + calls.getOrDefault("eval", 0L);
    }
}

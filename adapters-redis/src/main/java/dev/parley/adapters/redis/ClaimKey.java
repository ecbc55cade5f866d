package dev.parley.adapters.redis;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A claim id taken apart: {@code <shard>:<thread>:<sequence>}. The claimer draws the sequence at
 * random (63 bits) before the claim script runs, so the script can declare the sealed keys it
 * creates; every sealed conversation of a thread gets its own keys.
 */
record ClaimKey(int shard, String thread, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,5}):(\\d{1,20}):(\\d{1,19})");

    /** The claim {@code claimId} names, or empty if it cannot be one this store handed out. */
    static Optional<ClaimKey> parse(String claimId, int shards) {
        Matcher m = claimId == null ? null : FORMAT.matcher(claimId);
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) >= shards) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClaimKey(Integer.parseInt(m.group(1)), m.group(2), Long.parseLong(m.group(3))));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** A new claim of {@code thread}'s conversation in {@code shard}, with a random sequence no claim had. */
    static ClaimKey fresh(int shard, String thread) {
        return new ClaimKey(shard, thread, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    String id() {
        return shard + ":" + thread + ":" + sequence;
    }

    /** The part of the sealed keys' names after {@code sealed:}. */
    String suffix() {
        return thread + ":" + sequence;
    }
}

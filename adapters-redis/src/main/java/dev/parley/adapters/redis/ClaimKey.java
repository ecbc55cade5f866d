package dev.parley.adapters.redis;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A claim id taken apart: {@code <shard>:<thread>:<sequence>}. The sequence is a per-shard
 * counter, so every sealed conversation of a thread gets its own keys.
 */
record ClaimKey(int shard, String thread, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,5}):(\\d{1,20}):(\\d{1,19})");

    static ClaimKey parse(String claimId, int shards) {
        Matcher m = claimId == null ? null : FORMAT.matcher(claimId);
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) >= shards) {
            throw new InvalidInputException(InputField.CLAIM_ID,
                    "must be an id handed out by claimIdle (<shard>:<thread>:<sequence>, shard below " + shards + ")");
        }
        return new ClaimKey(Integer.parseInt(m.group(1)), m.group(2), Long.parseLong(m.group(3)));
    }

    /** The part of the sealed keys' names after {@code sealed:}. */
    String suffix() {
        return thread + ":" + sequence;
    }
}

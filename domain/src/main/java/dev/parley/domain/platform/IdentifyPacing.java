package dev.parley.domain.platform;

import java.time.Duration;

/**
 * Paces a Discord bot's gateway IDENTIFYs across every instance that runs its shards. Discord allows
 * one IDENTIFY per 5 seconds in each bucket ({@link IdentifyBucket}); JDA spaces the identifies
 * of one process only, so instances started together would exceed it. Driven port: memory for one
 * instance, Redis for many.
 *
 * <p>A shard that wants to identify {@link #hold holds} its bucket with a fresh
 * {@link IdentifyTicket}, waiting while it is {@link IdentifySlot.Busy}; once its session is up it
 * holds the bucket again with the same ticket for the 5 seconds, so the next identify in that bucket,
 * from any instance, comes at least that long after this one was answered.
 *
 * <p>{@link #hold} is one atomic step, safe from many threads and instances; its clock is the
 * adapter's (the injected clock in memory, the server's in Redis). A backing service that fails
 * throws {@link dev.parley.domain.StorageUnavailableException}.
 */
public interface IdentifyPacing {

    /**
     * If {@code bucket} is free, or held by {@code ticket}, it becomes held by {@code ticket} until
     * {@code duration} from now (replacing the end of that ticket's earlier hold) and the answer is
     * {@link IdentifySlot.Taken}. Otherwise nothing changes and the answer is
     * {@link IdentifySlot.Busy} with the time left on the other ticket's hold.
     *
     * @param duration at least 1 ms
     */
    IdentifySlot hold(IdentifyBucket bucket, IdentifyTicket ticket, Duration duration);
}

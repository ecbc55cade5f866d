package dev.parley.domain.summary;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import java.time.Duration;
import java.util.Optional;

/**
 * Each avatar's summary of each channel (driven port), and the right to regenerate one: at most one
 * generation per (avatar, channel) runs at a time across all instances. Summaries of channels that
 * went quiet are forgotten after the adapter's retention time, so memory follows activity.
 *
 * <p>Every method is one atomic step, safe from many threads and instances. Failures of the
 * backing service surface as {@link dev.parley.domain.StorageUnavailableException}.
 */
public interface ChannelSummaries {

    Optional<ChannelSummary> find(AvatarId avatar, ChannelId channel);

    /**
     * Takes the right to regenerate the (avatar, channel) summary for {@code lease}, if nobody holds
     * it. The holder ends it with {@link #save} or {@link #release}; otherwise it lapses after the
     * lease and someone else may take it.
     *
     * @return empty, changing nothing, while another holder's lease runs
     */
    Optional<GenerationLease> tryStartGeneration(AvatarId avatar, ChannelId channel, Duration lease);

    /**
     * Stores {@code summary} as its (avatar, channel)'s latest and ends {@code lease}, if the lease
     * has not lapsed; a holder that outlived its lease stores nothing (another may hold it now).
     *
     * @return whether the summary was stored
     */
    boolean save(ChannelSummary summary, GenerationLease lease);

    /** Ends {@code lease} without a new summary (the generation failed); harmless if it lapsed. */
    void release(GenerationLease lease);
}

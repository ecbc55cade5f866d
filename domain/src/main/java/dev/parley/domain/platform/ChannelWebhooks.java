package dev.parley.domain.platform;

import dev.parley.domain.id.ChannelId;
import java.util.Optional;

/**
 * Which webhook Parley posts through in each channel, shared by every instance so that all of them
 * post through the same one (Discord allows only a few webhooks per channel). Driven port: memory
 * for one instance, Redis for many.
 *
 * <p>Each method is one atomic step, safe to call from many threads and instances. A backing
 * service that fails throws {@link dev.parley.domain.StorageUnavailableException}.
 */
public interface ChannelWebhooks {

    /** The webhook recorded for {@code channel}, if any. */
    Optional<ChannelWebhook> find(ChannelId channel);

    /**
     * Records {@code webhook} for its channel unless one is recorded already, and answers the one
     * recorded afterwards: {@code webhook} itself, or the one that was there first. Two instances
     * racing with two new webhooks both get the same answer; the loser may delete its own.
     */
    ChannelWebhook putIfAbsent(ChannelWebhook webhook);

    /**
     * Forgets the channel's webhook if it is still {@code webhook} (the same id): for a webhook
     * deleted on Discord. A newer webhook another instance recorded meanwhile stays. Answers whether
     * it forgot one.
     */
    boolean forget(ChannelWebhook webhook);
}

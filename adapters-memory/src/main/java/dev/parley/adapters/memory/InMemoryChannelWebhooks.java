package dev.parley.adapters.memory;

import dev.parley.domain.id.ChannelId;
import dev.parley.domain.platform.ChannelWebhook;
import dev.parley.domain.platform.ChannelWebhooks;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link ChannelWebhooks} of a single instance: one entry per channel in a concurrent map. */
public final class InMemoryChannelWebhooks implements ChannelWebhooks {

    private final ConcurrentHashMap<ChannelId, ChannelWebhook> webhooks = new ConcurrentHashMap<>();

    @Override
    public Optional<ChannelWebhook> find(ChannelId channel) {
        return Optional.ofNullable(webhooks.get(Objects.requireNonNull(channel, "channel == null")));
    }

    @Override
    public ChannelWebhook putIfAbsent(ChannelWebhook webhook) {
        Objects.requireNonNull(webhook, "webhook == null");
        ChannelWebhook earlier = webhooks.putIfAbsent(webhook.channel(), webhook);
        return earlier == null ? webhook : earlier;
    }

    @Override
    public boolean forget(ChannelWebhook webhook) {
        Objects.requireNonNull(webhook, "webhook == null");
        boolean[] forgot = new boolean[1];
        webhooks.computeIfPresent(webhook.channel(), (channel, current) -> {
            forgot[0] = current.sameWebhookAs(webhook);
            return forgot[0] ? null : current;
        });
        return forgot[0];
    }
}

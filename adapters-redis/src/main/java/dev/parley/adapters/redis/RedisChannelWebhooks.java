package dev.parley.adapters.redis;

import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.WebhookId;
import dev.parley.domain.platform.ChannelWebhook;
import dev.parley.domain.platform.ChannelWebhooks;
import io.lettuce.core.SetArgs;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ChannelWebhooks} shared by every instance on one Redis: one string per channel,
 * {@code <webhook id>:<token>}, expiring {@link RedisPlatformOptions#webhookTtl()} after it was
 * recorded. Recording is {@code SET NX GET PX} (one command, atomic); forgetting compares the id
 * and deletes in one script ({@code webhook-forget.lua}). A Redis failure throws
 * {@link dev.parley.domain.StorageUnavailableException}. Errors never show the token.
 */
public final class RedisChannelWebhooks implements ChannelWebhooks {

    private final RedisCalls redis;
    private final PlatformKeys keys;
    private final long ttlMillis;

    public RedisChannelWebhooks(RedisConnection connection, RedisPlatformOptions options) {
        Objects.requireNonNull(options, "options == null");
        this.redis = new RedisCalls(connection, ScriptClock.SERVER);
        this.keys = new PlatformKeys(options.keyPrefix());
        this.ttlMillis = options.webhookTtl().toMillis();
    }

    @Override
    public Optional<ChannelWebhook> find(ChannelId channel) {
        Objects.requireNonNull(channel, "channel == null");
        String value = redis.command("webhook find", keys.webhook(channel), commands -> commands.get(keys.webhook(channel)));
        return Optional.ofNullable(value).map(v -> decode(channel, v));
    }

    @Override
    public ChannelWebhook putIfAbsent(ChannelWebhook webhook) {
        Objects.requireNonNull(webhook, "webhook == null");
        String earlier = redis.command("webhook record", keys.webhook(webhook.channel()), commands -> commands.setGet(keys.webhook(webhook.channel()),
                encode(webhook), SetArgs.Builder.nx().px(ttlMillis)));
        return earlier == null ? webhook : decode(webhook.channel(), earlier);
    }

    @Override
    public boolean forget(ChannelWebhook webhook) {
        Objects.requireNonNull(webhook, "webhook == null");
        return redis.integerScript("webhook forget", LuaScript.WEBHOOK_FORGET, 1,
                keys.webhook(webhook.channel()), webhook.id().value()) == 1L;
    }

    private static String encode(ChannelWebhook webhook) {
        return webhook.id().value() + ":" + webhook.token();
    }

    private static ChannelWebhook decode(ChannelId channel, String value) {
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new IllegalStateException("the webhook recorded for channel " + channel + " is not <id>:<token>");
        }
        return new ChannelWebhook(channel, WebhookId.of(value.substring(0, colon)), value.substring(colon + 1));
    }
}

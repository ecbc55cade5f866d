package dev.parley.bootstrap.metrics;

import dev.parley.adapters.discord.bot.BotObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the Discord bot reports, as meters: gateway events by type, trigger messages handled (and
 * how long each took, from the gateway event to its last reply posted) or dropped, chunks posted,
 * Discord's 429 answers, and messages skipped for want of a permission.
 */
final class DiscordMeters implements BotObserver {

    private final MeterRegistry registry;
    private final Timer handled;
    private final Timer failed;
    private final Counter dropped;
    private final Counter posted;
    private final Counter rateLimited;

    DiscordMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry == null");
        String description = "Trigger messages the bot handled, from the gateway event to the last reply posted, by outcome";
        this.handled = Meters.latency("parley.discord.messages.handled", description).tag("outcome", "ok").register(registry);
        this.failed = Meters.latency("parley.discord.messages.handled", description).tag("outcome", "failed").register(registry);
        this.dropped = Counter.builder("parley.discord.messages.dropped")
                .description("Trigger messages dropped: too many in hand (in all, or of one channel), or the bot closing").register(registry);
        this.posted = Counter.builder("parley.discord.chunks.posted")
                .description("Reply chunks posted through channel webhooks").register(registry);
        this.rateLimited = Counter.builder("parley.discord.rate.limited")
                .description("Discord REST answers 429 Too Many Requests (JDA waits and retries)").register(registry);
    }

    @Override
    public void gatewayEvent(String type) {
        // Discord's dispatch names (MESSAGE_CREATE, GUILD_CREATE, ...): a small set, registered on first sight.
        Counter.builder("parley.discord.gateway.events").description("Gateway dispatches received, by type")
                .tag("type", labelOf(type)).register(registry).increment();
    }

    @Override
    public void messageHandled(Duration took, boolean failedHandling) {
        (failedHandling ? failed : handled).record(took);
    }

    @Override
    public void messageDropped() {
        dropped.increment();
    }

    @Override
    public void chunkPosted() {
        posted.increment();
    }

    @Override
    public void rateLimited() {
        rateLimited.increment();
    }

    @Override
    public void permissionsMissing(Set<String> missing) {
        for (String permission : missing) {
            Counter.builder("parley.discord.permissions.missing")
                    .description("Messages not handled because the bot lacks a permission in the channel, by permission")
                    .tag("permission", labelOf(permission)).register(registry).increment();
        }
    }

    /** {@code MESSAGE_CREATE} and {@code Manage Webhooks} as label values: {@code message_create}, {@code manage_webhooks}. */
    static String labelOf(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}

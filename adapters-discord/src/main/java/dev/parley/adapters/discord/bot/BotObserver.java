package dev.parley.adapters.discord.bot;

import java.time.Duration;
import java.util.Set;

/**
 * What the bot reports as it works, for metrics: gateway events, messages handled (and how long
 * they took), chunks posted, Discord's 429 answers, channels lacking permissions. Every method
 * has a no-op default, so an observer overrides only what it counts; {@link #NONE} observes
 * nothing. Calls come from JDA's event and HTTP threads and from the handling threads, at any
 * rate: an implementation must be thread-safe, quick, and never throw nor block.
 *
 * <pre>{@code
 * BotObserver counting = new BotObserver() {
 *     @Override public void messageHandled(Duration took, boolean failed) { timer.record(took); }
 * };
 * new DiscordBot(settings, useCase, webhooks, pacing, clock, limits, counting);
 * }</pre>
 */
public interface BotObserver {

    /** Observes nothing. */
    BotObserver NONE = new BotObserver() {
    };

    /** A dispatch arrived on the gateway ({@code type} as Discord names it: {@code MESSAGE_CREATE}, {@code GUILD_CREATE}, ...). */
    default void gatewayEvent(String type) {
    }

    /**
     * A trigger message went through the use case; {@code took} runs from the gateway event to the
     * end of its handling (replies posted, paced ones included); {@code failed} when handling threw.
     */
    default void messageHandled(Duration took, boolean failed) {
    }

    /** A trigger message was dropped: too many messages in hand (in all, or of its channel), or the bot is closing. */
    default void messageDropped() {
    }

    /** One chunk of a reply was posted through a channel's webhook. */
    default void chunkPosted() {
    }

    /** Discord answered a REST request with 429 Too Many Requests (JDA waits and retries it). */
    default void rateLimited() {
    }

    /**
     * A message in a channel was not handled because the bot lacks {@code missing} (Discord's
     * permission names) there; called for each such message (the log warns at most hourly).
     */
    default void permissionsMissing(Set<String> missing) {
    }
}

package dev.parley.bootstrap.metrics;

import dev.parley.adapters.discord.bot.BotObserver;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** The Discord bot's observer: its meters. Built only when the bot runs (it asks for the bean). */
@Factory
final class BotMetrics {

    /** Secondary: another {@link BotObserver} bean (a test's) takes its place instead of clashing with it. */
    @Singleton
    @Secondary
    BotObserver botObserver(ParleyMetrics metrics) {
        return metrics.discord();
    }
}

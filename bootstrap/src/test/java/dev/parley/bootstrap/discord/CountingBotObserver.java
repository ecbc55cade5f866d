package dev.parley.bootstrap.discord;

import dev.parley.adapters.discord.bot.BotObserver;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link BotObserver} bean, as metrics would define one, present only when a test asks for it. */
@Singleton
@Requires(property = "test-only.count-bot-events", value = "true")
final class CountingBotObserver implements BotObserver {

    final AtomicInteger messageEvents = new AtomicInteger();
    final AtomicInteger handled = new AtomicInteger();
    final AtomicInteger posted = new AtomicInteger();

    @Override
    public void gatewayEvent(String type) {
        if (type.equals("MESSAGE_CREATE")) {
            messageEvents.incrementAndGet();
        }
    }

    @Override
    public void messageHandled(Duration took, boolean failed) {
        handled.incrementAndGet();
    }

    @Override
    public void chunkPosted() {
        posted.incrementAndGet();
    }
}

package dev.parley.bootstrap.health;

import dev.parley.bootstrap.wiring.DiscordBotRunner;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * {@code /health}'s {@code discord} check: whether the bot runs and its shards are connected.
 * Always UP: JDA reconnects a dropped gateway by itself and the HTTP API serves meanwhile, so a
 * reconnecting bot must not take the instance out of service; {@code state} says what it is doing
 * ({@code off}, {@code starting}, {@code connected}, {@code reconnecting}, {@code stopped}).
 */
@Singleton
final class DiscordHealthIndicator implements HealthIndicator {

    private final DiscordBotRunner discord;

    DiscordHealthIndicator(DiscordBotRunner discord) {
        this.discord = discord;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("discord", HealthStatus.UP).details(Map.of("state", discord.state())).build());
    }
}

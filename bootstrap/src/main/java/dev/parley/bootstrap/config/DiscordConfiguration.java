package dev.parley.bootstrap.config;

import dev.parley.adapters.discord.DiscordBot;
import dev.parley.adapters.discord.DiscordSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this instance runs the Discord bot, and with what: empty without a token (the bot is
 * off and the HTTP API serves alone). {@link #toString()} never shows the token.
 *
 * @param settings     the bot's checked settings ({@code parley.discord.*}); empty: no token, no bot
 * @param readyTimeout how long a start waits for the shards, before the 5 s per shard the bot adds
 *                     ({@code parley.discord.ready-timeout}; {@link DiscordBot.Limits#defaults()} when not set)
 */
public record DiscordConfiguration(Optional<DiscordSettings> settings, Duration readyTimeout) {

    public DiscordConfiguration {
        Objects.requireNonNull(settings, "settings == null");
        Objects.requireNonNull(readyTimeout, "readyTimeout == null");
    }

    /** These settings with the bot's default ready timeout. */
    public DiscordConfiguration(Optional<DiscordSettings> settings) {
        this(settings, DiscordBot.Limits.defaults().readyTimeout());
    }

    /** The bot's limits: its defaults with this ready timeout. */
    public DiscordBot.Limits limits() {
        return DiscordBot.Limits.defaults().withReadyTimeout(readyTimeout);
    }

    /** No token: the bot is off. */
    public static DiscordConfiguration off() {
        return new DiscordConfiguration(Optional.empty());
    }

    public boolean enabled() {
        return settings.isPresent();
    }
}

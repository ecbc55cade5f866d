package dev.parley.bootstrap.config;

import dev.parley.adapters.discord.DiscordSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether this instance runs the Discord bot, and with what: empty without a token (the bot is
 * off and the HTTP API serves alone). {@link #toString()} never shows the token.
 *
 * @param settings the bot's checked settings ({@code parley.discord.*}); empty: no token, no bot
 */
public record DiscordConfiguration(Optional<DiscordSettings> settings) {

    public DiscordConfiguration {
        Objects.requireNonNull(settings, "settings == null");
    }

    /** No token: the bot is off. */
    public static DiscordConfiguration off() {
        return new DiscordConfiguration(Optional.empty());
    }

    public boolean enabled() {
        return settings.isPresent();
    }
}

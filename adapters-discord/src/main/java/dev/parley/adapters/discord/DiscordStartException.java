package dev.parley.adapters.discord;

/**
 * The Discord bot could not start: the token was refused, Discord (or the configured proxy) could
 * not be reached, it refused the intents, or the shards were not ready in time. The message says
 * which and what to check, never the token.
 */
public final class DiscordStartException extends RuntimeException {

    public DiscordStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public DiscordStartException(String message) {
        super(message);
    }
}

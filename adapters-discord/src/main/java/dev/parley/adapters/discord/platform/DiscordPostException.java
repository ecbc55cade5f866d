package dev.parley.adapters.discord.platform;

/**
 * Posting a reply to Discord failed: Discord refused it or could not be reached. The message names
 * the channel and what Discord answered, never the reply's text or the webhook's token.
 */
public final class DiscordPostException extends RuntimeException {

    public DiscordPostException(String message, Throwable cause) {
        super(message, cause);
    }
}

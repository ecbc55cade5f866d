package dev.parley.adapters.discord;

import java.util.Objects;

/**
 * The Discord bot could not start: the token was refused, Discord (or the configured proxy) could
 * not be reached, it refused the intents, or the shards were not ready in time. The message says
 * which and what to check, never the token; {@link #reason()} lets the caller name its own setting.
 */
public final class DiscordStartException extends RuntimeException {

    /** Why the start failed. */
    public enum Reason {
        /** Discord answered 401 to the token, on REST or on the gateway. */
        TOKEN_REFUSED,
        /** The REST API (or the proxy in its place) could not be reached or answered nonsense. */
        UNREACHABLE,
        /** Discord refused the privileged Message Content intent. */
        INTENTS_REFUSED,
        /** The shards did not all become ready in time, or one shut down first. */
        NOT_READY,
        /** {@link DiscordBot#close()} was called while the bot started (the process is stopping). */
        CLOSED
    }

    private final Reason reason;

    public DiscordStartException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason == null");
    }

    public DiscordStartException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason == null");
    }

    public Reason reason() {
        return reason;
    }
}

package dev.parley.domain.platform;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.WebhookId;
import java.util.Objects;

/**
 * The webhook Parley posts through in one channel (threads use their parent channel's): its id and
 * its token. The token lets anyone post as the webhook, so it is a secret: {@link #toString()}
 * never shows it.
 *
 * @param token 1 to 256 ASCII letters, digits, {@code _} or {@code -}, as Discord issues them
 */
public record ChannelWebhook(ChannelId channel, WebhookId id, String token) {

    static final int MAX_TOKEN_LENGTH = 256;

    public ChannelWebhook {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(id, "id == null");
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || !urlSafe(token)) {
            // The token is never repeated, not even in an error.
            throw new InvalidInputException(InputField.WEBHOOK_TOKEN, "must be 1 to 256 ASCII letters, digits, '_' or '-'");
        }
    }

    /** Whether {@code other} is the same Discord webhook (same id), whatever its token. */
    public boolean sameWebhookAs(ChannelWebhook other) {
        return id.equals(other.id);
    }

    private static boolean urlSafe(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ChannelWebhook[channel=" + channel + ", id=" + id + ", token=[redacted]]";
    }
}

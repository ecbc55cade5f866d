package dev.parley.application.port.in;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import java.util.Objects;

/**
 * Ask one avatar to answer a message of a channel now, for a caller that posts the reply itself.
 * {@code overrideCooldown} skips the time cooldowns, never the responder cap.
 */
public record RespondRequest(ChannelId channel, AvatarId avatar, MessageId trigger, boolean overrideCooldown) {

    public RespondRequest {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(trigger, "trigger == null");
    }
}

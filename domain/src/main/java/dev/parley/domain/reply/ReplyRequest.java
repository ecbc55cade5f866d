package dev.parley.domain.reply;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import java.util.Objects;

/**
 * One question to the {@link ReplyGate}: may {@code avatar} reply in {@code channel} to the
 * message {@code trigger} now? {@code overrideCooldown} skips the time cooldowns, never the
 * responder cap (decisions.md 13).
 */
public record ReplyRequest(ChannelId channel, AvatarId avatar, MessageId trigger, boolean overrideCooldown) {

    public ReplyRequest {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(trigger, "trigger == null");
    }

    /** A request that respects the cooldowns. */
    public static ReplyRequest of(ChannelId channel, AvatarId avatar, MessageId trigger) {
        return new ReplyRequest(channel, avatar, trigger, false);
    }

    /** This request, skipping the time cooldowns. */
    public ReplyRequest overridingCooldown() {
        return new ReplyRequest(channel, avatar, trigger, true);
    }
}

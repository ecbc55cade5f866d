package dev.parley.domain.summary;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import java.time.Instant;
import java.util.Objects;

/**
 * What one avatar remembers of one channel's conversation, condensed by the language model so the
 * prompt carries it instead of a long history; written at {@code createdAt}, covering the messages
 * up to then.
 */
public record ChannelSummary(AvatarId avatar, ChannelId channel, String text, Instant createdAt) {

    public ChannelSummary {
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(text, "text == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
    }
}

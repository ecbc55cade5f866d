package dev.parley.adapters.discord.bot;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which messages the bot acts on: the allow-list (empty: every channel), whether other bots
 * trigger replies, and the thread flow with the avatar it summons.
 */
public record BotRules(Set<ChannelId> channels, boolean replyToBots, boolean threadFlow, Optional<AvatarId> defaultAvatar) {

    public BotRules {
        channels = Set.copyOf(Objects.requireNonNull(channels, "channels == null"));
        Objects.requireNonNull(defaultAvatar, "defaultAvatar == null");
        if (threadFlow && defaultAvatar.isEmpty()) {
            throw new IllegalArgumentException("the thread flow needs a default avatar");
        }
    }

    /** Whether a message in {@code channel}, whose webhook lives in {@code home}, may be acted on. */
    boolean allows(String channel, String home) {
        return channels.isEmpty() || channels.contains(ChannelId.of(channel)) || channels.contains(ChannelId.of(home));
    }
}

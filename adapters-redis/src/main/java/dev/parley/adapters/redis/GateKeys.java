package dev.parley.adapters.redis;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;

/**
 * Key names of the reply gate and the avatar roster (docs/redis.md has the table). Every key of a
 * channel carries the hash tag {@code {ch:<channel>}}, so a decision or an activation touches one
 * Redis Cluster slot; the narrative cooldown is global and has its own tag.
 */
final class GateKeys {

    private final String prefix;

    GateKeys(String prefix) {
        this.prefix = prefix;
    }

    private String channel(ChannelId channel) {
        return prefix + ":{ch:" + channel.value() + "}:";
    }

    String botReplyCooldown(ChannelId channel) {
        return channel(channel) + "cd:reply";
    }

    String avatarCooldown(ChannelId channel, AvatarId avatar) {
        return channel(channel) + "cd:avatar:" + avatar.value();
    }

    String trigger(ChannelId channel, MessageId message) {
        return channel(channel) + "trigger:" + message.value();
    }

    String roster(ChannelId channel) {
        return channel(channel) + "roster";
    }

    String presence(ChannelId channel) {
        return channel(channel) + "presence";
    }

    String narrativeCooldown() {
        return prefix + ":{global}:cd:narrative";
    }
}

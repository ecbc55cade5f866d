package dev.parley.adapters.redis;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.RequestId;

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

    /** The common start of a channel's keys, {@code <prefix>:{ch:<channel>}:}; a decision builds its three keys from one. */
    String channel(ChannelId channel) {
        return prefix + ":{ch:" + channel.value() + "}:";
    }

    String botReplyCooldown(ChannelId channel) {
        return botReplyCooldown(channel(channel));
    }

    String avatarCooldown(ChannelId channel, AvatarId avatar) {
        return avatarCooldown(channel(channel), avatar);
    }

    String trigger(ChannelId channel, MessageId message) {
        return trigger(channel(channel), message);
    }

    static String botReplyCooldown(String channelKeys) {
        return channelKeys + "cd:reply";
    }

    static String avatarCooldown(String channelKeys, AvatarId avatar) {
        return channelKeys + "cd:avatar:" + avatar.value();
    }

    static String trigger(String channelKeys, MessageId message) {
        return channelKeys + "trigger:" + message.value();
    }

    String roster(ChannelId channel) {
        return channel(channel) + "roster";
    }

    String presence(ChannelId channel) {
        return channel(channel) + "presence";
    }

    /** What an identified activation answered, for a retry of the same request. */
    String activationResult(ChannelId channel, RequestId request) {
        return channel(channel) + "activation:" + request.value();
    }

    String narrativeCooldown() {
        return prefix + ":{global}:cd:narrative";
    }
}

package dev.parley.adapters.redis;

import dev.parley.domain.id.ChannelId;
import dev.parley.domain.platform.IdentifyBucket;

/**
 * Key names of the Discord platform ports (docs/discord.md has the table). Each is the only key its
 * operation touches, under its own hash tag.
 */
final class PlatformKeys {

    private final String prefix;

    PlatformKeys(String prefix) {
        this.prefix = prefix;
    }

    /** {@code <prefix>:{identify:<bot>}:<bucket>}: the ticket holding one identify bucket. */
    String identifyBucket(IdentifyBucket bucket) {
        return prefix + ":{identify:" + bucket.bot().value() + "}:" + bucket.index();
    }

    /** {@code <prefix>:{wh:<channel>}:webhook}: the channel's webhook as {@code <id>:<token>}. */
    String webhook(ChannelId channel) {
        return prefix + ":{wh:" + channel.value() + "}:webhook";
    }
}

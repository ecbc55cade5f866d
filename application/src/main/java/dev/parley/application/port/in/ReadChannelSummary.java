package dev.parley.application.port.in;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.summary.ChannelSummary;
import java.util.Optional;

/** An avatar's latest summary of a channel's conversation, if it has written one. */
public interface ReadChannelSummary {

    Optional<ChannelSummary> find(ChannelId channel, AvatarId avatar);
}

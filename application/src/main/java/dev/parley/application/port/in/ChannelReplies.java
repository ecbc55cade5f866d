package dev.parley.application.port.in;

import dev.parley.domain.id.MessageId;
import java.util.List;

/**
 * What the platform a message came from offers the use case for that one channel, passed per call
 * by the driving adapter: the Discord bot posts through the channel's webhook and reads Discord's
 * history; the HTTP API streams the reply to its caller (who posts it) and has no history.
 */
public interface ChannelReplies {

    /**
     * Posts {@code reply} as its avatar, chunk by chunk in order, and returns the platform's ids of
     * the posted messages (empty when the caller posts it itself). Throws if posting failed; the
     * use case then records nothing for this reply.
     */
    List<MessageId> post(AvatarReply reply);

    /**
     * Up to {@code limit} of the channel's most recent messages before the current one, oldest
     * first, read from the platform when the store holds fewer than the context needs (first
     * contact, a restart on memory storage). Empty when the platform keeps no history.
     */
    default List<ChannelMessage> history(int limit) {
        return List.of();
    }
}

package dev.parley.application.port.in;

/**
 * A message arrived in a channel or thread (incoming port, driven by the Discord bot and by
 * {@code POST /channels/{channel_id}/messages}): record it in the channel's conversation (starting
 * one if there is none), decide which avatars answer (named ones first, then the one replied to,
 * then the channel's most recently active), and for each admitted avatar generate the reply and
 * deliver it through {@code channel}, reporting every step to {@code events}.
 *
 * <p>Blocks until every reply is delivered or given up, including paced replies that wait for a
 * cooldown (at most {@code parley.replies.max-wait}); run it on a thread that may block (a virtual
 * thread). The last event is always {@link ChannelEvent.Done}, also after a failure.
 *
 * <p><b>Provisional:</b> written ahead of the responder so the Discord bot and the HTTP API can be
 * built against it; the responder may refine the records, not the shape.
 */
public interface HandleChannelMessage {

    void handle(ChannelMessage message, ChannelReplies channel, ChannelEvents events);
}

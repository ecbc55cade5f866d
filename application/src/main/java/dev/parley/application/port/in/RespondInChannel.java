package dev.parley.application.port.in;

/**
 * One avatar answers one message of a channel now (incoming port, driven by
 * {@code POST /channels/{channel_id}/respond}, for bots that post replies themselves): the gate is
 * asked once, without waiting; an admitted avatar's reply is generated from the channel's
 * conversation, recorded, and returned in chunks to post. Blocks for the model call.
 */
public interface RespondInChannel {

    /**
     * @throws ConversationNotFoundException if the channel has no live conversation
     * @throws AvatarNotFoundException if the catalogue has no such avatar
     * @throws ModelNotConfiguredException if no language model is configured (nothing is asked or changed)
     * @throws ReplyFailedException if the reply could not be generated: nothing was recorded and the
     *         cooldowns the admission took were given back
     */
    RespondOutcome respond(RespondRequest request);
}

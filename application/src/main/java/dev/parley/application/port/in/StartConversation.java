package dev.parley.application.port.in;

import dev.parley.domain.conversation.Conversation;

/** Start a conversation in a thread or channel (the Echo document's {@code create_conversation}). */
public interface StartConversation {

    /**
     * Starts {@code conversation}, created now, with its idle time running.
     *
     * @throws ConversationAlreadyExistsException if the thread already has a live conversation
     */
    Conversation start(NewConversation conversation);
}

package dev.parley.application.port.in;

import java.util.List;

/** List the live conversations (the Echo document's {@code get_all_conversations}), without their histories. */
public interface ListConversations {

    /** The live conversations {@code query} selects, oldest first (ties by thread). */
    List<LiveConversation> list(ConversationQuery query);
}

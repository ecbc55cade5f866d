package dev.parley.application.port.in;

import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.id.ThreadId;
import java.util.Optional;

/** Read a thread's live conversation (the Echo document's {@code get_conversation} and {@code is_conversation_thread}). */
public interface GetConversation {

    /** The thread's live conversation as it is now, with its whole history. */
    Optional<Conversation> find(ThreadId thread);

    /** Whether the thread has a live conversation, without reading it. */
    boolean isLive(ThreadId thread);
}

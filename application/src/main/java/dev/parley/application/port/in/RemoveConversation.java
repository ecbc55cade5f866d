package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;

/** Drop a thread's live conversation without saving it (the Echo document's {@code remove_conversation}). */
public interface RemoveConversation {

    /** @return false if the thread had no live conversation */
    boolean remove(ThreadId thread);
}

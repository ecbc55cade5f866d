package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;

/** Replace a live conversation's summary; the idle time does not restart. */
public interface UpdateSummary {

    /** @throws ConversationNotFoundException if the thread has no live conversation */
    void update(ThreadId thread, String summary);
}

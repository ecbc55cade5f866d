package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;

/** There is no live conversation in the thread the caller named. */
public final class ConversationNotFoundException extends RuntimeException {

    private final ThreadId threadId;

    public ConversationNotFoundException(ThreadId threadId, String message) {
        super(message);
        this.threadId = threadId;
    }

    public ThreadId threadId() {
        return threadId;
    }
}

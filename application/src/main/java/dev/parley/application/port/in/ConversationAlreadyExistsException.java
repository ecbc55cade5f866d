package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;

/** The thread already has a live conversation the caller named. */
public final class ConversationAlreadyExistsException extends RuntimeException {

    private final ThreadId threadId;

    public ConversationAlreadyExistsException(ThreadId threadId, String message) {
        super(message);
        this.threadId = threadId;
    }

    public ThreadId threadId() {
        return threadId;
    }
}

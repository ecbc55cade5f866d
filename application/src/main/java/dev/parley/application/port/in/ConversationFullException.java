package dev.parley.application.port.in;

import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.id.ThreadId;
import java.util.Objects;

/**
 * The thread's conversation has no room for the message: it holds its limit of messages, or the
 * message would take it over its limit of bytes. Nothing was stored. Saving and removing the
 * conversation (or letting it go idle) makes room: the thread's next conversation starts empty.
 */
public final class ConversationFullException extends RuntimeException {

    private final ThreadId threadId;
    private final AppendOutcome limit;

    public ConversationFullException(ThreadId threadId, AppendOutcome limit, ConversationLimits limits) {
        super(describe(threadId, limit, limits), null, false, false);
        this.threadId = Objects.requireNonNull(threadId, "threadId == null");
        this.limit = limit;
    }

    public ThreadId threadId() {
        return threadId;
    }

    /** {@link AppendOutcome#MESSAGE_LIMIT} or {@link AppendOutcome#BYTE_LIMIT}. */
    public AppendOutcome limit() {
        return limit;
    }

    private static String describe(ThreadId thread, AppendOutcome limit, ConversationLimits limits) {
        return switch (limit) {
            case MESSAGE_LIMIT -> "the conversation of thread " + thread + " holds its limit of " + limits.maxMessages() + " messages";
            case BYTE_LIMIT -> "the message would take the conversation of thread " + thread + " over its limit of "
                    + limits.maxBytes() + " bytes of text";
            default -> throw new IllegalArgumentException("not a limit: " + limit);
        };
    }
}

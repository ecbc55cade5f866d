package dev.parley.application.port.in;

import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;

/** Add a message to a thread's live conversation; every added message restarts its idle time (decisions.md 1). */
public interface AddMessage {

    /**
     * Adds {@code message} at the end of the conversation, unless a message with its id is there
     * already (a replay: only the idle time restarts).
     *
     * @return {@link AppendOutcome#APPENDED} or {@link AppendOutcome#DUPLICATE}
     * @throws ConversationNotFoundException if the thread has no live conversation
     * @throws dev.parley.domain.InvalidInputException if the message breaks a limit on one message
     *     ({@link dev.parley.domain.conversation.ConversationLimits#check})
     * @throws ConversationFullException if the conversation has no room for it; nothing was stored
     */
    AppendOutcome add(ThreadId thread, Message message);
}

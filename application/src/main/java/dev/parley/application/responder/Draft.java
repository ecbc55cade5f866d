package dev.parley.application.responder;

import dev.parley.domain.conversation.Message;
import dev.parley.domain.reply.text.PostableReply;
import java.util.List;
import java.util.Objects;

/**
 * A generated reply not yet delivered: what to post, and the messages to record before the reply
 * itself once it is posted (its reasoning as THINKING, its tool calls and their results).
 */
record Draft(PostableReply reply, List<Message> before) {

    Draft {
        Objects.requireNonNull(reply, "reply == null");
        before = List.copyOf(before);
    }
}

package dev.parley.adapters.file;

import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.EchoExamples;
import java.time.Instant;

/** Conversations of the Echo document's requester and guild, so their plain file names collide by day. */
final class Conversations {

    private Conversations() {
    }

    /** A conversation in {@code thread} started at {@code createdAt}, with one message from the requester. */
    static Conversation inThread(String thread, Instant createdAt) {
        return Conversation.start(ThreadId.of(thread), EchoExamples.GUILD, EchoExamples.GUILD_NAME, EchoExamples.REQUESTER, createdAt)
                .append(Message.chat(createdAt.plusSeconds(1), "hello from " + thread).from(EchoExamples.REQUESTER)).conversation();
    }

    /** {@code conversation} with one more AI message, as a later save would hold. */
    static Conversation withReply(Conversation conversation, String text) {
        return conversation.append(Message.chat(conversation.updatedAt().plusSeconds(1), text)).conversation();
    }
}

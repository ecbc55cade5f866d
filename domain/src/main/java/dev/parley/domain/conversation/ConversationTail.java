package dev.parley.domain.conversation;

import java.util.List;
import java.util.Objects;

/**
 * The end of a live conversation: its overview (metadata, summary and the whole history's length)
 * and its last messages, oldest first. What a reply's context needs, read without the rest of a
 * long history.
 *
 * @param conversation the conversation without its history; {@code messageCount} is the whole history's length
 * @param recent       its last messages, oldest first, at most the number asked for
 */
public record ConversationTail(ConversationOverview conversation, List<Message> recent) {

    public ConversationTail {
        Objects.requireNonNull(conversation, "conversation == null");
        recent = List.copyOf(Objects.requireNonNull(recent, "recent == null"));
        if (recent.size() > conversation.messageCount()) {
            throw new IllegalArgumentException("recent holds " + recent.size() + " messages of a history of " + conversation.messageCount());
        }
    }

    /** The last {@code limit} messages of {@code conversation} (all of them if it has fewer). */
    public static ConversationTail of(Conversation conversation, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        List<Message> history = conversation.history();
        return new ConversationTail(ConversationOverview.of(conversation),
                history.subList(Math.max(0, history.size() - limit), history.size()));
    }

    /** How many messages the whole history holds. */
    public int totalMessages() {
        return conversation.messageCount();
    }
}

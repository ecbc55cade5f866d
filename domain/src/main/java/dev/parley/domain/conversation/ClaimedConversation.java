package dev.parley.domain.conversation;

import java.util.Objects;

/**
 * An idle conversation taken out of live state by one sweeper, to be archived (or discarded) and
 * then {@linkplain ConversationStore#acknowledge(String) acknowledged}. If the claimer dies before
 * acknowledging, the claim's lease runs out and another sweeper receives the same claim again.
 *
 * @param claimId opaque, unique per sealed conversation; the same id is handed out again after a lease ends
 */
public record ClaimedConversation(String claimId, Conversation conversation) {

    public ClaimedConversation {
        Objects.requireNonNull(claimId, "claimId == null");
        Objects.requireNonNull(conversation, "conversation == null");
    }
}

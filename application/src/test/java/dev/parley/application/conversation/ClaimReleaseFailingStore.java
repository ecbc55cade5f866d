package dev.parley.application.conversation;

import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.conversation.ConversationStore;

/** A real store whose claims cannot be released: every {@link #acknowledge} fails as a Redis outage would. */
final class ClaimReleaseFailingStore extends ForwardingConversationStore {

    ClaimReleaseFailingStore(ConversationStore store) {
        super(store);
    }

    @Override
    public void acknowledge(String claimId) {
        throw new StorageUnavailableException("Redis unavailable: not connected");
    }
}

package dev.parley.application.conversation;

import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store that hands every call to another: tests override the one call they change. */
abstract class ForwardingConversationStore implements ConversationStore {

    private final ConversationStore store;

    ForwardingConversationStore(ConversationStore store) {
        this.store = store;
    }

    @Override
    public void acknowledge(String claimId) {
        store.acknowledge(claimId);
    }

    @Override
    public boolean create(Conversation conversation, Duration idleTime) {
        return store.create(conversation, idleTime);
    }

    @Override
    public AppendOutcome append(ThreadId threadId, Message message, Duration idleTime, ConversationLimits limits) {
        return store.append(threadId, message, idleTime, limits);
    }

    @Override
    public boolean updateSummary(ThreadId threadId, String summary) {
        return store.updateSummary(threadId, summary);
    }

    @Override
    public Optional<Conversation> find(ThreadId threadId) {
        return store.find(threadId);
    }

    @Override
    public boolean exists(ThreadId threadId) {
        return store.exists(threadId);
    }

    @Override
    public boolean remove(ThreadId threadId) {
        return store.remove(threadId);
    }

    @Override
    public List<Conversation> findAll() {
        return store.findAll();
    }

    @Override
    public List<ConversationOverview> overviews() {
        return store.overviews();
    }

    @Override
    public int count() {
        return store.count();
    }

    @Override
    public List<ClaimedConversation> claimIdle(int max, Duration lease) {
        return store.claimIdle(max, lease);
    }

    @Override
    public Optional<ClaimedConversation> claimNow(ThreadId threadId, Instant createdAt, Duration lease) {
        return store.claimNow(threadId, createdAt, lease);
    }

    @Override
    public boolean renewLease(String claimId, Duration lease) {
        return store.renewLease(claimId, lease);
    }

    @Override
    public boolean isShared() {
        return store.isShared();
    }
}

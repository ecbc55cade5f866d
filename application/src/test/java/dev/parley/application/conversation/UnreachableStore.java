package dev.parley.application.conversation;

import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store whose backing service is down: every call fails as Redis's adapter does when Redis is gone. */
final class UnreachableStore implements ConversationStore {

    private static StorageUnavailableException down() {
        return new StorageUnavailableException("Redis unavailable: not connected");
    }

    @Override
    public boolean create(Conversation conversation, Duration idleTime) {
        throw down();
    }

    @Override
    public AppendOutcome append(ThreadId threadId, Message message, Duration idleTime,
            dev.parley.domain.conversation.ConversationLimits limits) {
        throw down();
    }

    @Override
    public boolean updateSummary(ThreadId threadId, String summary) {
        throw down();
    }

    @Override
    public Optional<Conversation> find(ThreadId threadId) {
        throw down();
    }

    @Override
    public boolean exists(ThreadId threadId) {
        throw down();
    }

    @Override
    public boolean remove(ThreadId threadId) {
        throw down();
    }

    @Override
    public List<Conversation> findAll() {
        throw down();
    }

    @Override
    public List<ConversationOverview> overviews() {
        throw down();
    }

    @Override
    public int count() {
        throw down();
    }

    @Override
    public List<ClaimedConversation> claimIdle(int max, Duration lease) {
        throw down();
    }

    @Override
    public Optional<ClaimedConversation> claimNow(ThreadId threadId, Instant createdAt, Duration lease) {
        throw down();
    }

    @Override
    public boolean renewLease(String claimId, Duration lease) {
        throw down();
    }

    @Override
    public void acknowledge(String claimId) {
        throw down();
    }

    @Override
    public boolean isShared() {
        return true;
    }
}

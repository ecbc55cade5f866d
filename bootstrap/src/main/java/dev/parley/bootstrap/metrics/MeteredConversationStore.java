package dev.parley.bootstrap.metrics;

import dev.parley.application.conversation.CleanupStrategy;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.ConversationTail;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The conversation store, counted: appends by outcome, conversations started, the sweep's claims
 * and clean-ups, and the live conversations as a gauge read from the store at each scrape.
 */
final class MeteredConversationStore implements ConversationStore {

    private final ConversationStore store;
    private final EnumMap<AppendOutcome, Counter> appends;
    private final Counter appendsFailed;
    private final Counter created;
    private final Counter createdExisting;
    private final Counter claims;
    private final Counter rolledOver;
    private final Counter cleaned;

    MeteredConversationStore(ConversationStore store, CleanupStrategy cleanup, MeterRegistry registry) {
        this.store = Objects.requireNonNull(store, "store == null");
        this.appends = Meters.countersPer(AppendOutcome.class, outcome -> Counter.builder("parley.appends")
                .description("Messages appended to live conversations, by outcome").tag("outcome", Meters.label(outcome)), registry);
        this.appendsFailed = Counter.builder("parley.appends").description("Messages appended to live conversations, by outcome")
                .tag("outcome", "failed").register(registry);
        this.created = Counter.builder("parley.conversations.started").description("Conversations started, by outcome")
                .tag("outcome", "created").register(registry);
        this.createdExisting = Counter.builder("parley.conversations.started").description("Conversations started, by outcome")
                .tag("outcome", "already_live").register(registry);
        this.claims = Counter.builder("parley.sweeper.claims").description("Idle conversations the sweeper claimed (hand-outs again after a lease included)")
                .register(registry);
        this.rolledOver = Counter.builder("parley.conversations.rolled.over")
                .description("Full conversations taken out of live state at once, to be archived while their channel starts a new one")
                .register(registry);
        this.cleaned = Counter.builder("parley.sweeper.cleaned").description("Claimed conversations (idle, or full and rolled over) archived (or discarded) and acknowledged")
                .tag("outcome", cleanup == CleanupStrategy.ARCHIVE ? "archived" : "discarded").register(registry);
        Gauge.builder("parley.conversations.live", this, MeteredConversationStore::liveOrNaN)
                .description("Live conversations in the store (for Redis: shared by every instance)").register(registry);
    }

    private double liveOrNaN() {
        try {
            return store.count();
        } catch (StorageUnavailableException e) {
            return Double.NaN; // Redis down: the scrape says "unknown" rather than failing; the Redis failure is counted apart
        }
    }

    @Override
    public boolean create(Conversation conversation, Duration idleTime) {
        boolean made = store.create(conversation, idleTime);
        (made ? created : createdExisting).increment();
        return made;
    }

    @Override
    public AppendOutcome append(ThreadId threadId, Message message, Duration idleTime, ConversationLimits limits) {
        AppendOutcome outcome;
        try {
            outcome = store.append(threadId, message, idleTime, limits);
        } catch (RuntimeException e) {
            appendsFailed.increment();
            throw e;
        }
        appends.get(outcome).increment();
        return outcome;
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
    public Optional<ConversationTail> tail(ThreadId threadId, int limit) {
        return store.tail(threadId, limit);
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
        List<ClaimedConversation> claimed = store.claimIdle(max, lease);
        claims.increment(claimed.size());
        return claimed;
    }

    @Override
    public Optional<ClaimedConversation> claimNow(ThreadId threadId, Instant createdAt, Duration lease) {
        Optional<ClaimedConversation> claimed = store.claimNow(threadId, createdAt, lease);
        claimed.ifPresent(c -> rolledOver.increment());
        return claimed;
    }

    @Override
    public boolean renewLease(String claimId, Duration lease) {
        return store.renewLease(claimId, lease);
    }

    @Override
    public void acknowledge(String claimId) {
        store.acknowledge(claimId);
        cleaned.increment();
    }

    @Override
    public boolean isShared() {
        return store.isShared();
    }
}

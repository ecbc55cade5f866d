package dev.parley.adapters.memory;

import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.AppendResult;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.conversation.ConversationStore;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The conversation store of a single instance: live conversations in a concurrent map, each
 * guarded by its own lock, and one index of idle deadlines ordered by time. Appends follow
 * {@link Conversation#append}, which the store calls.
 *
 * <p>No timer or thread exists per conversation: moving a deadline is a removal and an insertion
 * in a skip list (O(log n)), and {@link #claimIdle} walks the index from its earliest entry. An
 * append costs O(1) whatever the history's length (a conversation's history grows in place when
 * its newest version is appended to); reads hand out the immutable conversation as it is.
 */
public final class InMemoryConversationStore implements ConversationStore {

    private final Clock clock;
    private final ConcurrentMap<ThreadId, Live> live = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Due> deadlines = new ConcurrentSkipListSet<>();
    private final ConcurrentMap<String, Claim> claims = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Due> leases = new ConcurrentSkipListSet<>();
    private final AtomicLong sequence = new AtomicLong();

    public InMemoryConversationStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public boolean create(Conversation conversation, Duration idleTime) {
        Live fresh = new Live(conversation);
        synchronized (fresh) {
            // Locked before it is published, so no append can move a deadline that is not indexed yet.
            if (live.putIfAbsent(conversation.threadId(), fresh) != null) {
                return false;
            }
            fresh.deadline = due(idleTime, conversation.threadId().value());
            deadlines.add(fresh.deadline);
            return true;
        }
    }

    @Override
    public AppendOutcome append(ThreadId threadId, Message message, Duration idleTime, ConversationLimits limits) {
        Objects.requireNonNull(limits, "limits == null");
        while (true) {
            Live conversation = live.get(threadId);
            if (conversation == null) {
                return AppendOutcome.NO_CONVERSATION;
            }
            synchronized (conversation) {
                if (conversation.gone) {
                    continue; // claimed or removed meanwhile: look again, a new one may have started
                }
                AppendResult result = conversation.value.append(message, limits);
                AppendOutcome outcome = switch (result) {
                    case AppendResult.Appended appended -> AppendOutcome.APPENDED;
                    case AppendResult.Duplicate duplicate -> AppendOutcome.DUPLICATE;
                    case AppendResult.Refused refused -> refused.limit();
                };
                if (result instanceof AppendResult.Refused) {
                    return outcome; // nothing changed, not even the deadline
                }
                conversation.value = result.conversation();
                deadlines.remove(conversation.deadline);
                conversation.deadline = due(idleTime, threadId.value());
                deadlines.add(conversation.deadline);
                return outcome;
            }
        }
    }

    @Override
    public boolean updateSummary(ThreadId threadId, String summary) {
        return withLive(threadId, conversation ->
                conversation.value = conversation.value.withSummary(Objects.requireNonNull(summary, "summary == null")));
    }

    @Override
    public Optional<Conversation> find(ThreadId threadId) {
        while (true) {
            Live conversation = live.get(threadId);
            if (conversation == null) {
                return Optional.empty();
            }
            synchronized (conversation) {
                if (!conversation.gone) {
                    return Optional.of(conversation.value);
                }
            }
            // claimed or removed meanwhile: look again, a new one may have started
        }
    }

    @Override
    public boolean exists(ThreadId threadId) {
        return live.containsKey(threadId);
    }

    @Override
    public boolean remove(ThreadId threadId) {
        return withLive(threadId, conversation -> {
            conversation.gone = true;
            live.remove(threadId, conversation);
            deadlines.remove(conversation.deadline);
        });
    }

    @Override
    public List<Conversation> findAll() {
        List<Conversation> all = new ArrayList<>(live.size());
        for (Live conversation : live.values()) {
            synchronized (conversation) {
                if (!conversation.gone) {
                    all.add(conversation.value);
                }
            }
        }
        return all;
    }

    @Override
    public List<ConversationOverview> overviews() {
        List<ConversationOverview> all = new ArrayList<>(live.size());
        for (Live conversation : live.values()) {
            synchronized (conversation) {
                if (!conversation.gone) {
                    all.add(conversation.overview());
                }
            }
        }
        return all;
    }

    @Override
    public int count() {
        return live.size();
    }

    @Override
    public List<ClaimedConversation> claimIdle(int max, Duration lease) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        requireLease(lease);
        if (max == 0) {
            return List.of();
        }
        Due now = new Due(clock.instant(), Long.MAX_VALUE, "");
        List<ClaimedConversation> claimed = new ArrayList<>();
        for (Due expired : leases.headSet(now, true)) {
            if (claimed.size() == max) {
                return claimed;
            }
            reclaim(expired.key(), expired, lease).ifPresent(claimed::add);
        }
        for (Due due : deadlines.headSet(now, true)) {
            if (claimed.size() == max) {
                break;
            }
            seal(ThreadId.of(due.key()), due, lease).ifPresent(claimed::add);
        }
        return claimed;
    }

    @Override
    public Optional<ClaimedConversation> claimNow(ThreadId threadId, Instant createdAt, Duration lease) {
        Objects.requireNonNull(createdAt, "createdAt == null");
        requireLease(lease);
        while (true) {
            Live conversation = live.get(threadId);
            if (conversation == null) {
                return Optional.empty();
            }
            synchronized (conversation) {
                if (conversation.gone) {
                    continue; // claimed or removed meanwhile: look again, a new one may have started
                }
                if (!conversation.value.createdAt().equals(createdAt)) {
                    return Optional.empty(); // another conversation of the thread: not the one the caller means
                }
                return seal(threadId, conversation.deadline, lease);
            }
        }
    }

    @Override
    public boolean renewLease(String claimId, Duration lease) {
        requireLease(lease);
        if (claimId == null) {
            return false;
        }
        Due renewed = due(lease, claimId);
        Due[] replaced = new Due[1];
        claims.computeIfPresent(claimId, (id, claim) -> {
            replaced[0] = claim.lease();
            return new Claim(claim.conversation(), renewed);
        });
        if (replaced[0] == null) {
            return false;
        }
        leases.add(renewed);
        leases.remove(replaced[0]);
        return true;
    }

    @Override
    public void acknowledge(String claimId) {
        if (claimId == null) {
            return;
        }
        Claim claim = claims.remove(claimId);
        if (claim != null) {
            leases.remove(claim.lease());
        }
    }

    private static void requireLease(Duration lease) {
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("lease must be at least 1 ms, got " + lease);
        }
    }

    private Optional<ClaimedConversation> seal(ThreadId threadId, Due due, Duration lease) {
        Live conversation = live.get(threadId);
        if (conversation == null) {
            deadlines.remove(due);
            return Optional.empty();
        }
        synchronized (conversation) {
            if (conversation.gone || conversation.deadline != due) {
                deadlines.remove(due); // an entry left behind by a moved deadline; the live one is elsewhere
                return Optional.empty();
            }
            conversation.gone = true;
            live.remove(threadId, conversation);
            deadlines.remove(due);
            String claimId = UUID.randomUUID().toString();
            Claim claim = new Claim(conversation.value, due(lease, claimId));
            claims.put(claimId, claim);
            leases.add(claim.lease());
            return Optional.of(new ClaimedConversation(claimId, claim.conversation()));
        }
    }

    private Optional<ClaimedConversation> reclaim(String claimId, Due expired, Duration lease) {
        Due renewed = due(lease, claimId);
        Claim[] won = new Claim[1];
        claims.computeIfPresent(claimId, (id, claim) -> {
            if (claim.lease() != expired) {
                return claim; // another claimer renewed it first
            }
            won[0] = new Claim(claim.conversation(), renewed);
            return won[0];
        });
        if (won[0] == null) {
            leases.remove(expired);
            return Optional.empty();
        }
        leases.remove(expired);
        leases.add(renewed);
        return Optional.of(new ClaimedConversation(claimId, won[0].conversation()));
    }

    private boolean withLive(ThreadId threadId, java.util.function.Consumer<Live> action) {
        while (true) {
            Live conversation = live.get(threadId);
            if (conversation == null) {
                return false;
            }
            synchronized (conversation) {
                if (!conversation.gone) {
                    action.accept(conversation);
                    return true;
                }
            }
        }
    }

    private Due due(Duration after, String key) {
        return new Due(clock.instant().plus(after), sequence.incrementAndGet(), key);
    }

    /** An entry of a time index: when, a tie-breaker, and the thread id or claim id it stands for. */
    private record Due(Instant at, long seq, String key) implements Comparable<Due> {

        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }

    private record Claim(Conversation conversation, Due lease) {
    }

    /** One live conversation's current value and idle deadline; every access holds its monitor. */
    private static final class Live {
        private Conversation value;
        private Due deadline;
        private boolean gone;

        Live(Conversation conversation) {
            value = conversation;
        }

        ConversationOverview overview() {
            return ConversationOverview.of(value);
        }
    }

    /** {@inheritDoc} Held in this process: gone when it stops. */
    @Override
    public boolean isShared() {
        return false;
    }
}

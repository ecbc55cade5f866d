package dev.parley.domain.conversation;

import dev.parley.domain.id.ThreadId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Live conversations and their idle deadlines: the state one instance keeps in memory or many
 * share in Redis. Every method is one atomic step and safe to call from many threads (and, for a
 * shared store, from many instances).
 *
 * <p>Idle expiry is a protocol, not a timer: each write moves the conversation's deadline to the
 * store's "now" plus the given idle time; {@link #claimIdle} atomically takes conversations whose
 * deadline has passed out of live state under a lease; the caller archives or discards them and
 * then {@link #acknowledge}s. A claim not acknowledged before its lease ends is handed out again,
 * so a crash between claim and acknowledgement loses nothing. The store's own clock decides
 * deadlines (the injected clock in memory, the server's {@code TIME} in Redis).
 *
 * <p>Failures of the backing service surface as {@link dev.parley.domain.StorageUnavailableException}.
 * A call that failed that way may still have been applied (a network store can time out after the
 * server ran the command): retry an append with the same message id, which the store recognises
 * as a replay and keeps once.
 */
public interface ConversationStore {

    /**
     * Stores {@code conversation} as live, with its idle deadline {@code idleTime} from now.
     *
     * @return false, changing nothing, if a live conversation already exists for its thread
     */
    boolean create(Conversation conversation, Duration idleTime);

    /**
     * Adds {@code message} to the end of the thread's history (updating {@code updatedAt} and the
     * participants as {@link Conversation#append} does) and moves the idle deadline to
     * {@code idleTime} from now. A message whose id is already in the history is not added again.
     * In the same atomic step it refuses a message the conversation has no room for under
     * {@code limits} (the configured ones: there is no default here, so no caller holds a
     * conversation to other limits by omission; {@link ConversationLimits#refusal}):
     * {@link AppendOutcome#MESSAGE_LIMIT} or {@link AppendOutcome#BYTE_LIMIT}, with nothing changed,
     * not even the idle deadline. A replay of a message it holds is {@link AppendOutcome#DUPLICATE}
     * however full it is.
     */
    AppendOutcome append(ThreadId threadId, Message message, Duration idleTime, ConversationLimits limits);

    /** Replaces the summary of a live conversation; false if there is none. Does not move the deadline. */
    boolean updateSummary(ThreadId threadId, String summary);

    /** The live conversation of a thread, as it is now. */
    Optional<Conversation> find(ThreadId threadId);

    /**
     * The live conversation of a thread with only its last {@code limit} messages (oldest first)
     * and the whole history's length: what a reply's context needs, without reading a long
     * history. One consistent read. This default reads the whole conversation; a store that keeps
     * histories outside the process (Redis) reads only the tail.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    default Optional<ConversationTail> tail(ThreadId threadId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return find(threadId).map(conversation -> ConversationTail.of(conversation, limit));
    }

    /** Whether the thread has a live conversation. */
    boolean exists(ThreadId threadId);

    /** Removes a live conversation without archiving it; false if there was none. */
    boolean remove(ThreadId threadId);

    /** A snapshot of every live conversation, in no particular order. */
    List<Conversation> findAll();

    /**
     * Every live conversation without its history, in no particular order: what {@link #findAll}
     * gives, read from the metadata and the history's length only, so a listing never decodes
     * messages.
     */
    List<ConversationOverview> overviews();

    /** How many conversations are live. */
    int count();

    /**
     * Takes at most {@code max} conversations whose idle deadline has passed out of live state, and
     * hands out again claims whose lease has ended, each now leased for {@code lease} to this store
     * instance (its holder). {@code max} 0 claims nothing and returns an empty list.
     *
     * <p>A conversation this store cannot read back (a message written by a newer version, a
     * corrupted entry) is not returned: it stays claimed and is handed out again after its lease,
     * perhaps to an instance that can read it. A store shared by instances may set such a claim
     * aside for an operator after several hand-outs, so it never blocks the others.
     *
     * @throws IllegalArgumentException if {@code max} is negative or {@code lease} shorter than a millisecond
     */
    List<ClaimedConversation> claimIdle(int max, Duration lease);

    /**
     * Takes this thread's live conversation out of live state now, whatever its idle deadline, if
     * it is the one created at {@code createdAt}, as {@link #claimIdle} takes an idle one: the same
     * claim, leased for {@code lease} to this store instance, archived and
     * {@linkplain #acknowledge acknowledged} the same way, and the thread can start a new
     * conversation at once. Used to roll a full conversation over: {@code createdAt} names the
     * conversation the caller found full, so a caller that comes late never takes the new
     * conversation another caller has started meanwhile. Empty when the thread has no such live
     * conversation (never started, already claimed or removed, or another one is live now); of
     * racing callers, one takes it.
     *
     * @throws IllegalArgumentException if {@code lease} is shorter than a millisecond
     */
    Optional<ClaimedConversation> claimNow(ThreadId threadId, Instant createdAt, Duration lease);

    /**
     * Extends a claim's lease to {@code lease} from now, if this store instance still holds it:
     * it was handed to this instance last and is not acknowledged. A holder renews before work
     * that could outlast the lease (writing the archive), and skips that work when this answers
     * false: the claim was acknowledged, or its lease ended and it went to another instance. An id
     * this store never handed out answers false.
     */
    boolean renewLease(String claimId, Duration lease);

    /**
     * Ends a claim: its conversation has been archived or deliberately discarded. Repeating it is
     * harmless, and an id this store never handed out (stale, unknown or malformed) changes nothing.
     */
    void acknowledge(String claimId);

    /**
     * Whether live conversations outlive this process in the store (Redis, shared by instances):
     * then another instance's sweeper archives them when they go idle, and a shutting-down
     * instance must not archive them early. False for a store held in this process's memory.
     */
    boolean isShared();
}

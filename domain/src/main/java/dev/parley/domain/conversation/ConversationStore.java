package dev.parley.domain.conversation;

import dev.parley.domain.id.ThreadId;
import java.time.Duration;
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
     */
    AppendOutcome append(ThreadId threadId, Message message, Duration idleTime);

    /** Replaces the summary of a live conversation; false if there is none. Does not move the deadline. */
    boolean updateSummary(ThreadId threadId, String summary);

    /** The live conversation of a thread, as it is now. */
    Optional<Conversation> find(ThreadId threadId);

    /** Whether the thread has a live conversation. */
    boolean exists(ThreadId threadId);

    /** Removes a live conversation without archiving it; false if there was none. */
    boolean remove(ThreadId threadId);

    /** A snapshot of every live conversation, in no particular order. */
    List<Conversation> findAll();

    /** How many conversations are live. */
    int count();

    /**
     * Takes at most {@code max} conversations whose idle deadline has passed out of live state, and
     * hands out again claims whose lease has ended, each now leased for {@code lease}.
     */
    List<ClaimedConversation> claimIdle(int max, Duration lease);

    /** Ends a claim: its conversation has been archived or deliberately discarded. Repeating it is harmless. */
    void acknowledge(String claimId);

    /**
     * Whether live conversations outlive this process in the store (Redis, shared by instances):
     * then another instance's sweeper archives them when they go idle, and a shutting-down
     * instance must not archive them early. False for a store held in this process's memory.
     */
    boolean isShared();
}

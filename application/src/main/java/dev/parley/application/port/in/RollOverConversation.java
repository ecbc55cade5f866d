package dev.parley.application.port.in;

import dev.parley.domain.id.ThreadId;
import java.time.Instant;

/**
 * Ends a thread's live conversation now, so the thread can go on in a new one: how a channel whose
 * conversation is full keeps talking instead of waiting for it to go idle.
 */
public interface RollOverConversation {

    /**
     * Takes the thread's live conversation created at {@code createdAt} (the one the caller found
     * full) out of live state and archives it (or discards it, as the cleanup strategy says) as the
     * idle sweep archives an idle one; the thread can start a new conversation at once. A failed
     * archive write loses nothing: the conversation stays claimed and is retried like an idle one
     * whose write failed (one ERROR line naming the thread).
     *
     * @return whether this call took the conversation; false when it is no longer live (another
     *     caller or instance rolled it over first, or it was archived or removed meanwhile)
     */
    boolean rollOver(ThreadId thread, Instant createdAt);
}

package dev.parley.domain.narrative;

import dev.parley.domain.avatar.AvatarId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What narratives are made from and kept in (driven port): each avatar's recent replies and last
 * activity across all channels, and its latest narratives. Memory for one instance, Redis for
 * many. How many replies and narratives are kept per avatar is the adapter's configuration.
 *
 * <p>Every method is one atomic step, safe from many threads and instances. Failures of the
 * backing service surface as {@link dev.parley.domain.StorageUnavailableException}.
 */
public interface AvatarJournal {

    /** Notes that {@code avatar} replied {@code text} at {@code at}: its newest reply and its last activity. */
    void recordReply(AvatarId avatar, String text, Instant at);

    /** The avatar's kept replies, newest first. */
    List<String> recentReplies(AvatarId avatar);

    /** Up to {@code limit} avatars, most recently active first (by their last recorded reply). */
    List<AvatarId> mostRecentlyActive(int limit);

    /** Keeps {@code narrative} as its avatar's newest, dropping the oldest beyond the kept number. */
    void addNarrative(Narrative narrative);

    /** The avatar's kept narratives, newest first. */
    List<Narrative> narratives(AvatarId avatar);

    /** The avatar's newest narrative, if it has one. */
    default Optional<Narrative> latestNarrative(AvatarId avatar) {
        return narratives(avatar).stream().findFirst();
    }
}

package dev.parley.adapters.redis;

import dev.parley.domain.narrative.AvatarJournal;
import dev.parley.domain.narrative.AvatarJournalContract;
import java.time.Duration;
import java.util.UUID;

/** The journal contract against a real Redis, the second instance on a second client. */
class RedisAvatarJournalTest extends AvatarJournalContract {

    private final String prefix = "journal-test-" + UUID.randomUUID();
    private int keptReplies;
    private int keptNarratives;

    @Override
    protected AvatarJournal newJournal(int keptReplies, int keptNarratives) {
        this.keptReplies = keptReplies;
        this.keptNarratives = keptNarratives;
        return new RedisAvatarJournal(TestConnections.shared(), prefix, keptReplies, keptNarratives, Duration.ofMinutes(5));
    }

    @Override
    protected AvatarJournal sharingStateWith(AvatarJournal journal) {
        return new RedisAvatarJournal(TestConnections.second(), prefix, keptReplies, keptNarratives, Duration.ofMinutes(5));
    }
}

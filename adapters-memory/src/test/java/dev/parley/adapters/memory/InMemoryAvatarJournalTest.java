package dev.parley.adapters.memory;

import dev.parley.domain.narrative.AvatarJournal;
import dev.parley.domain.narrative.AvatarJournalContract;

class InMemoryAvatarJournalTest extends AvatarJournalContract {

    @Override
    protected AvatarJournal newJournal(int keptReplies, int keptNarratives) {
        return new InMemoryAvatarJournal(keptReplies, keptNarratives);
    }
}

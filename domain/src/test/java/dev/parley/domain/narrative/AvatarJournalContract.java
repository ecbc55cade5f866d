package dev.parley.domain.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.testing.Concurrently;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link AvatarJournal} must have. An adapter's test builds one over fresh, empty state. */
public abstract class AvatarJournalContract {

    protected static final AvatarId AVA = AvatarId.of("ava");
    protected static final AvatarId BOB = AvatarId.of("bob");
    protected static final AvatarId CY = AvatarId.of("cy");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** A journal keeping each avatar's newest {@code keptReplies} replies and {@code keptNarratives} narratives. */
    protected abstract AvatarJournal newJournal(int keptReplies, int keptNarratives);

    /** A journal sharing {@code journal}'s state, as another instance would see it. */
    protected AvatarJournal sharingStateWith(AvatarJournal journal) {
        return journal;
    }

    @Test
    void anAvatarWithoutHistoryHasNoRepliesNarrativesOrActivity() {
        AvatarJournal journal = newJournal(3, 2);

        assertThat(journal.recentReplies(AVA)).isEmpty();
        assertThat(journal.narratives(AVA)).isEmpty();
        assertThat(journal.latestNarrative(AVA)).isEmpty();
        assertThat(journal.mostRecentlyActive(5)).isEmpty();
    }

    @Test
    void repliesAreKeptNewestFirstUpToTheBound() {
        AvatarJournal journal = newJournal(3, 2);
        for (int i = 1; i <= 5; i++) {
            journal.recordReply(AVA, "reply " + i, T0.plusSeconds(i));
        }

        assertThat(journal.recentReplies(AVA)).containsExactly("reply 5", "reply 4", "reply 3");
        assertThat(journal.recentReplies(BOB)).isEmpty();
    }

    @Test
    void avatarsAreListedByTheirLastReplyMostRecentFirst() {
        AvatarJournal journal = newJournal(3, 2);
        journal.recordReply(AVA, "a", T0.plusSeconds(1));
        journal.recordReply(BOB, "b", T0.plusSeconds(3));
        journal.recordReply(CY, "c", T0.plusSeconds(2));
        journal.recordReply(AVA, "late report of an early reply", T0);

        assertThat(journal.mostRecentlyActive(5)).containsExactly(BOB, CY, AVA);
        assertThat(journal.mostRecentlyActive(2)).containsExactly(BOB, CY);
    }

    @Test
    void narrativesAreKeptNewestFirstUpToTheBound() {
        AvatarJournal journal = newJournal(3, 2);
        Narrative first = new Narrative(AVA, "I arrived.", T0);
        Narrative second = new Narrative(AVA, "I met Bob.", T0.plusSeconds(60));
        Narrative third = new Narrative(AVA, "I wonder about tea.", T0.plusSeconds(120));
        journal.addNarrative(first);
        journal.addNarrative(second);
        journal.addNarrative(third);

        assertThat(journal.narratives(AVA)).containsExactly(third, second);
        assertThat(sharingStateWith(journal).latestNarrative(AVA)).contains(third);
        assertThat(journal.narratives(BOB)).isEmpty();
    }

    @Test
    void concurrentRepliesAreAllCountedAndTheBoundHolds() throws Exception {
        AvatarJournal journal = newJournal(5, 2);
        AvatarJournal other = sharingStateWith(journal);

        Concurrently.run(8, i -> {
            for (int n = 0; n < 20; n++) {
                (i % 2 == 0 ? journal : other).recordReply(AVA, "r" + i + "-" + n, T0.plusMillis(n));
            }
        });

        List<String> kept = journal.recentReplies(AVA);
        assertThat(kept).hasSize(5).doesNotHaveDuplicates();
    }
}

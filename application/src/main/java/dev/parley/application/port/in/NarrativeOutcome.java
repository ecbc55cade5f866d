package dev.parley.application.port.in;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.narrative.Narrative;
import java.time.Duration;
import java.util.Objects;

/** What one {@link WriteNarrative#writeNext()} did. */
public sealed interface NarrativeOutcome {

    /** The narrative was written and kept. */
    record Written(Narrative narrative) implements NarrativeOutcome {
        public Written {
            Objects.requireNonNull(narrative, "narrative == null");
        }
    }

    /** No active avatar is due a narrative (none replied lately, or each has a recent one); the slot was not taken. */
    record NoneDue() implements NarrativeOutcome {
    }

    /** The global narrative slot is taken (another instance, or an earlier run) for {@code retryAfter}. */
    record SlotTaken(Duration retryAfter) implements NarrativeOutcome {
        public SlotTaken {
            Objects.requireNonNull(retryAfter, "retryAfter == null");
        }
    }

    /** The slot was taken but the narrative could not be written (model or storage failure, empty text). */
    record Failed(AvatarId avatar, SkipReason reason) implements NarrativeOutcome {
        public Failed {
            Objects.requireNonNull(avatar, "avatar == null");
            Objects.requireNonNull(reason, "reason == null");
        }
    }
}

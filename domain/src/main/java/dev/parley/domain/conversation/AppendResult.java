package dev.parley.domain.conversation;

import dev.parley.domain.id.MessageId;
import java.util.Objects;

/** What {@link Conversation#append} did: either way, {@link #conversation()} is the conversation afterwards. */
public sealed interface AppendResult permits AppendResult.Appended, AppendResult.Duplicate, AppendResult.Refused {

    Conversation conversation();

    /** The message is now the last of the history. */
    record Appended(Conversation conversation) implements AppendResult {

        public Appended {
            Objects.requireNonNull(conversation, "conversation == null");
        }
    }

    /** A message with the same id is in the history already: {@code conversation} is the one appended to, unchanged. */
    record Duplicate(Conversation conversation, MessageId id) implements AppendResult {

        public Duplicate {
            Objects.requireNonNull(conversation, "conversation == null");
            Objects.requireNonNull(id, "id == null");
        }
    }

    /**
     * The conversation is at one of its limits: {@code conversation} is unchanged and {@code limit}
     * ({@link AppendOutcome#MESSAGE_LIMIT} or {@link AppendOutcome#BYTE_LIMIT}) says which.
     */
    record Refused(Conversation conversation, AppendOutcome limit) implements AppendResult {

        public Refused {
            Objects.requireNonNull(conversation, "conversation == null");
            if (limit != AppendOutcome.MESSAGE_LIMIT && limit != AppendOutcome.BYTE_LIMIT) {
                throw new IllegalArgumentException("a refusal is at a limit, got " + limit);
            }
        }
    }
}

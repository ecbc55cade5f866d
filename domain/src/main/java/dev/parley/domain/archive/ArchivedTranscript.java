package dev.parley.domain.archive;

import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One archive file read in full: its listing line, the summary and the whole history.
 *
 * <p>Files written by the original Python bot carry no {@code thread_id}, and a {@link Conversation}
 * cannot exist without its thread; such a file still loads as a transcript, and
 * {@link #conversation()} is empty for it rather than inventing a thread.
 */
public record ArchivedTranscript(ArchivedConversation entry, String summary, List<Message> history) {

    public ArchivedTranscript {
        Objects.requireNonNull(entry, "entry == null");
        summary = summary == null ? "" : summary;
        history = List.copyOf(history);
        if (entry.messageCount() != history.size()) {
            throw new IllegalArgumentException("entry.messageCount() (" + entry.messageCount()
                    + ") != history.size() (" + history.size() + ")");
        }
    }

    /** The transcript of {@code conversation}, stored under {@code fileName}. */
    public static ArchivedTranscript of(String fileName, Conversation conversation) {
        return new ArchivedTranscript(ArchivedConversation.of(fileName, Optional.of(conversation.threadId()), conversation),
                conversation.summary(), conversation.history());
    }

    /** The archived conversation as the live model holds it; empty when the file did not record its thread. */
    public Optional<Conversation> conversation() {
        return entry.threadId().map(thread -> new Conversation(thread, entry.createdAt(), entry.updatedAt(), summary,
                entry.guildId(), entry.guildName(), entry.requester(), entry.participants(), history));
    }
}

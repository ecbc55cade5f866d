package dev.parley.domain.conversation;

import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A live conversation without its history: what a listing shows. A store reads it from the
 * conversation's metadata and the history's length, never from the messages, so listing many
 * long conversations costs what listing short ones does.
 *
 * @param updatedAt    the latest of the creation time and the messages' times, as in {@link Conversation}
 * @param messageCount how many messages the history holds
 */
public record ConversationOverview(
        ThreadId threadId,
        Instant createdAt,
        Instant updatedAt,
        String summary,
        GuildId guildId,
        String guildName,
        UserId requester,
        List<UserId> participants,
        int messageCount) {

    public ConversationOverview {
        Objects.requireNonNull(threadId, "threadId == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
        Objects.requireNonNull(guildId, "guildId == null");
        Objects.requireNonNull(guildName, "guildName == null");
        Objects.requireNonNull(requester, "requester == null");
        summary = summary == null ? "" : summary;
        participants = List.copyOf(participants);
        if (messageCount < 0) {
            throw new IllegalArgumentException("messageCount must not be negative, got " + messageCount);
        }
    }

    /** The overview of {@code conversation} as it is now. */
    public static ConversationOverview of(Conversation conversation) {
        return new ConversationOverview(conversation.threadId(), conversation.createdAt(), conversation.updatedAt(),
                conversation.summary(), conversation.guildId(), conversation.guildName(), conversation.requester(),
                conversation.participants(), conversation.history().size());
    }

    public boolean hasParticipant(UserId user) {
        return participants.contains(user);
    }
}

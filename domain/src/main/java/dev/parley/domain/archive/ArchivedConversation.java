package dev.parley.domain.archive;

import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of an archive listing: what a file holds, without its history.
 *
 * @param threadId absent for files written by the original Python bot, which did not store it
 */
public record ArchivedConversation(
        String fileName,
        Optional<ThreadId> threadId,
        GuildId guildId,
        String guildName,
        UserId requester,
        List<UserId> participants,
        Instant createdAt,
        Instant updatedAt,
        int messageCount) {

    public ArchivedConversation {
        Objects.requireNonNull(fileName, "fileName == null");
        threadId = Objects.requireNonNullElse(threadId, Optional.empty());
        participants = List.copyOf(participants);
    }

    public static ArchivedConversation of(String fileName, Optional<ThreadId> threadId, Conversation c) {
        return new ArchivedConversation(fileName, threadId, c.guildId(), c.guildName(), c.requester(),
                c.participants(), c.createdAt(), c.updatedAt(), c.history().size());
    }

    public LocalDate createdOn() {
        return LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
    }
}

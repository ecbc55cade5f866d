package dev.parley.application.port.in;

import dev.parley.domain.conversation.ConversationOverview;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One live conversation in a listing: where, who, when and how many messages, without the history. */
public record LiveConversation(ThreadId thread, GuildId guild, String guildName, UserId requester, List<UserId> participants,
        Instant createdAt, Instant updatedAt, int messageCount) {

    public LiveConversation {
        Objects.requireNonNull(thread, "thread == null");
        Objects.requireNonNull(guild, "guild == null");
        Objects.requireNonNull(guildName, "guildName == null");
        Objects.requireNonNull(requester, "requester == null");
        participants = List.copyOf(participants);
        Objects.requireNonNull(createdAt, "createdAt == null");
        Objects.requireNonNull(updatedAt, "updatedAt == null");
    }

    public static LiveConversation of(ConversationOverview c) {
        return new LiveConversation(c.threadId(), c.guildId(), c.guildName(), c.requester(), c.participants(), c.createdAt(),
                c.updatedAt(), c.messageCount());
    }
}

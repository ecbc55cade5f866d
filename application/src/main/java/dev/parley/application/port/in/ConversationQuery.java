package dev.parley.application.port.in;

import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.UserId;
import java.util.Objects;
import java.util.Optional;

/** Which live conversations to list: each filter optional, combined with AND. */
public record ConversationQuery(Optional<GuildId> guild, Optional<UserId> participant) {

    /** Every live conversation. */
    public static final ConversationQuery ALL = new ConversationQuery(Optional.empty(), Optional.empty());

    public ConversationQuery {
        Objects.requireNonNull(guild, "guild == null");
        Objects.requireNonNull(participant, "participant == null");
    }

    /** Whether {@code conversation} passes every filter. */
    public boolean matches(LiveConversation conversation) {
        return guild.map(conversation.guild()::equals).orElse(true)
                && participant.map(conversation.participants()::contains).orElse(true);
    }
}

package dev.parley.application.port.in;

import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.util.Objects;

/** What starting a conversation needs: where it is held and who asked. {@code guildName} may be empty. */
public record NewConversation(ThreadId thread, GuildId guild, String guildName, UserId requester) {

    public NewConversation {
        Objects.requireNonNull(thread, "thread == null");
        Objects.requireNonNull(guild, "guild == null");
        Objects.requireNonNull(guildName, "guildName == null");
        Objects.requireNonNull(requester, "requester == null");
    }
}

package dev.parley.application.port.in;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message seen in a channel or thread, as the platform reported it.
 *
 * @param channel the channel or thread it was posted in: the conversation's key
 * @param authorIsBot whether another bot (or another bot's avatar) wrote it: it still triggers
 *     replies, bounded by the gate and the chain limit, but does not reset the chain
 * @param replyTo the message it replies to, if any: an avatar's message there makes that avatar answer
 * @param summoned avatars the platform asks to answer regardless of the text (the Discord thread
 *     flow's default avatar); named avatars are found in {@code content} by the use case
 */
public record ChannelMessage(
        ChannelId channel,
        GuildId guild,
        String guildName,
        MessageId id,
        UserId author,
        String authorName,
        boolean authorIsBot,
        String content,
        Optional<MessageId> replyTo,
        List<AvatarId> summoned,
        Instant at) {

    public ChannelMessage {
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(guild, "guild == null");
        Objects.requireNonNull(guildName, "guildName == null");
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(author, "author == null");
        Objects.requireNonNull(authorName, "authorName == null");
        Objects.requireNonNull(content, "content == null");
        Objects.requireNonNull(replyTo, "replyTo == null");
        summoned = List.copyOf(Objects.requireNonNull(summoned, "summoned == null"));
        Objects.requireNonNull(at, "at == null");
    }
}

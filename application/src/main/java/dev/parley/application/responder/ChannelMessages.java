package dev.parley.application.responder;

import dev.parley.application.port.in.ChannelMessage;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.conversation.Message;

/** A platform's message as the conversation records it. */
final class ChannelMessages {

    private ChannelMessages() {
    }

    /**
     * {@code message} as a CHAT message with its id and its author's name (cut to
     * {@link Message#MAX_AUTHOR_NAME_LENGTH}, left out when blank). A person's message carries the
     * person as requester; a bot's is marked as a bot's, and one posted under an avatar's name (the
     * avatar's own post, read back from the platform) as that avatar's.
     */
    static Message toMessage(ChannelMessage message, Avatars avatars) {
        Message recorded = Message.chat(message.at(), message.content()).withId(message.id());
        String name = message.authorName().strip();
        if (name.length() > Message.MAX_AUTHOR_NAME_LENGTH) {
            int end = Character.isHighSurrogate(name.charAt(Message.MAX_AUTHOR_NAME_LENGTH - 1))
                    ? Message.MAX_AUTHOR_NAME_LENGTH - 1 : Message.MAX_AUTHOR_NAME_LENGTH;
            name = name.substring(0, end).strip();
        }
        if (!name.isEmpty()) {
            recorded = recorded.withAuthorName(name);
        }
        if (!message.authorIsBot()) {
            return recorded.from(message.author());
        }
        recorded = recorded.fromBot();
        return name.isEmpty() ? recorded : avatars.named(name).map(AvatarProfile::id).map(recorded::fromAvatar).orElse(recorded);
    }
}

package dev.parley.application.responder;

import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.llm.ModelRequest;
import dev.parley.domain.llm.PromptMessage;
import dev.parley.domain.llm.ToolDefinition;
import dev.parley.domain.narrative.Narrative;
import dev.parley.domain.summary.ChannelSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The prompts Parley sends: an avatar's reply (its personality, latest narrative, its summary of
 * the channel and the style rules as the system message, then the channel's messages), its summary
 * of a channel, and its narrative. Pure: the same inputs give the same request.
 */
final class Prompts {

    static final String SUMMON_AVATAR = "summon_avatar";
    static final String SUMMON_PARAMETER = "name";

    private Prompts() {
    }

    /** The tool that brings another avatar into the channel, listing the avatars it may name. */
    static ToolDefinition summonAvatar(Avatars avatars, AvatarProfile self) {
        String names = others(avatars, self);
        return new ToolDefinition(SUMMON_AVATAR,
                "Bring another avatar into this channel's conversation so it can join in. Avatars you can summon: " + names + ".",
                List.of(new ToolDefinition.Parameter(SUMMON_PARAMETER, "the name of the avatar to summon, e.g. one of: " + names, true)));
    }

    /**
     * An avatar's reply to the channel: the system message, then {@code history} (chat messages
     * only, oldest first; the avatar's own as assistant turns, everyone else's as {@code Name: text}),
     * then the tool turns of this reply so far. Tools are offered while {@code offerTools}.
     */
    static ModelRequest reply(AvatarProfile self, Avatars avatars, Optional<Narrative> narrative, Optional<ChannelSummary> summary,
            List<Message> history, List<PromptMessage> toolTurns, boolean offerTools) {
        boolean canSummon = offerTools && avatars.size() > 1;
        List<PromptMessage> messages = new ArrayList<>(history.size() + toolTurns.size() + 1);
        messages.add(new PromptMessage.System(replySystem(self, avatars, narrative, summary, canSummon)));
        for (Message message : history) {
            if (message.type() != MessageType.CHAT) {
                continue;
            }
            if (message.avatar().equals(Optional.of(self.id()))) {
                messages.add(new PromptMessage.Assistant(message.content(), List.of()));
            } else {
                messages.add(new PromptMessage.User(authorOf(message, avatars), textOf(message)));
            }
        }
        messages.addAll(toolTurns);
        return new ModelRequest(messages, canSummon ? List.of(summonAvatar(avatars, self)) : List.of(), self.modelOptions());
    }

    private static String replySystem(AvatarProfile self, Avatars avatars, Optional<Narrative> narrative,
            Optional<ChannelSummary> summary, boolean canSummon) {
        StringBuilder system = new StringBuilder(self.personality().strip());
        narrative.ifPresent(n -> system.append("\n\nYour latest reflection on your recent experiences (your own words):\n")
                .append(n.text().strip()));
        summary.ifPresent(s -> system.append("\n\nWhat you remember of this channel's conversation so far:\n").append(s.text().strip()));
        String name = self.name();
        system.append("\n\nHow to answer:")
                .append("\n- You are ").append(name).append(". Answer as yourself, in your own voice.")
                .append("\n- Write only your reply: do not start it with your name or a label such as \"").append(name).append(":\".")
                .append("\n- Others in the channel, people and other avatars, appear as \"Name: text\".")
                .append("\n- Never mention @everyone, @here or roles.")
                .append("\n- Keep it short, a few sentences, unless someone asks for more.");
        if (canSummon) {
            system.append("\n- To bring another avatar into the conversation, call ").append(SUMMON_AVATAR)
                    .append(" with its name (").append(others(avatars, self)).append(").");
        }
        return system.toString();
    }

    /** An avatar's summary of a channel: its previous summary and the messages since, condensed. */
    static ModelRequest summary(AvatarProfile self, Avatars avatars, Optional<ChannelSummary> previous, List<Message> since) {
        String system = self.personality().strip()
                + "\n\nYou keep a private summary of a conversation in a chat channel you take part in as " + self.name()
                + ", so you remember it later. Write the summary in plain text, at most 200 words: who is there, what was"
                + " discussed and decided, what is still open. Write only the summary.";
        StringBuilder user = new StringBuilder();
        previous.ifPresent(p -> user.append("Your previous summary:\n").append(p.text().strip()).append("\n\n"));
        user.append(previous.isPresent() ? "Messages since then, oldest first:\n" : "The conversation so far, oldest first:\n");
        for (Message message : since) {
            if (message.type() == MessageType.CHAT) {
                user.append(message.avatar().equals(Optional.of(self.id())) ? self.name() : authorOf(message, avatars))
                        .append(": ").append(textOf(message)).append('\n');
            }
        }
        user.append("\nWrite the updated summary.");
        return new ModelRequest(List.of(new PromptMessage.System(system), new PromptMessage.User("", user.toString())), List.of(),
                self.modelOptions());
    }

    /** An avatar's narrative: a short reflection from its personality, previous narrative and recent replies. */
    static ModelRequest narrative(AvatarProfile self, Optional<Narrative> previous, List<String> recentReplies) {
        String system = self.personality().strip()
                + "\n\nNow and then you write a short private reflection, in the first person, on your recent conversations:"
                + " what you noticed, how you feel about it, what you want to do next. At most 150 words. Write only the reflection.";
        StringBuilder user = new StringBuilder();
        previous.ifPresent(p -> user.append("Your previous reflection:\n").append(p.text().strip()).append("\n\n"));
        if (recentReplies.isEmpty()) {
            user.append("You have not said anything lately.\n");
        } else {
            user.append("Things you said recently, newest first:\n");
            recentReplies.forEach(reply -> user.append("- ").append(reply.strip().replace('\n', ' ')).append('\n'));
        }
        user.append("\nWrite your new reflection.");
        return new ModelRequest(List.of(new PromptMessage.System(system), new PromptMessage.User("", user.toString())), List.of(),
                self.modelOptions());
    }

    /** Who wrote {@code message}, as the prompt names them. */
    static String authorOf(Message message, Avatars avatars) {
        if (message.authorName().isPresent()) {
            return message.authorName().get();
        }
        if (message.avatar().isPresent()) {
            return avatars.find(message.avatar().get()).map(AvatarProfile::name).orElse(message.avatar().get().value());
        }
        return message.requester().map(user -> "user " + user.value()).orElse("someone");
    }

    /** A message's text with its attachments named, so the model knows something was shown. */
    private static String textOf(Message message) {
        if (message.attachments().isEmpty()) {
            return message.content();
        }
        return message.content() + (message.content().isBlank() ? "" : "\n") + "[attached: " + String.join(", ", message.attachments()) + "]";
    }

    private static String others(Avatars avatars, AvatarProfile self) {
        return avatars.all().stream().filter(p -> !p.id().equals(self.id())).map(AvatarProfile::name).collect(Collectors.joining(", "));
    }
}

package dev.parley.application.responder;

import dev.parley.application.port.in.SkipReason;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.Avatars;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.llm.ModelCallException;
import dev.parley.domain.llm.ModelReply;
import dev.parley.domain.llm.PromptMessage;
import dev.parley.domain.llm.ToolInvocation;
import dev.parley.domain.narrative.Narrative;
import dev.parley.domain.reply.text.ExtractedReasoning;
import dev.parley.domain.reply.text.PostableReply;
import dev.parley.domain.summary.ChannelSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Writes one avatar's reply with the language model: the prompt, at most {@link #MAX_TOOL_ROUNDS}
 * rounds of tool calls ({@code summon_avatar} activates the avatar it names), then the text made fit
 * to post ({@link PostableReply}). Reasoning, from the reply's own field or found in its text, and
 * the tool calls with their results become the messages recorded before the reply. Nothing is
 * recorded here: a reply that fails leaves no trace but the avatars its tools activated.
 */
final class ReplyWriter {

    /** How many times the model may call tools before it is asked for its answer without them. */
    static final int MAX_TOOL_ROUNDS = 2;

    private final LanguageModel model;
    private final AvatarRoster roster;
    private final Clock clock;

    ReplyWriter(LanguageModel model, AvatarRoster roster, Clock clock) {
        this.model = Objects.requireNonNull(model, "model == null");
        this.roster = Objects.requireNonNull(roster, "roster == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * The draft of {@code self}'s reply in {@code channel}, from the channel's last messages.
     *
     * @param activated told of each avatar a tool call made newly active
     * @throws ReplyFailure if the model failed or left nothing to post
     */
    Draft write(AvatarProfile self, Avatars avatars, ChannelId channel, List<Message> history, Optional<ChannelSummary> summary,
            Optional<Narrative> narrative, BiConsumer<AvatarId, Activation> activated) {
        List<PromptMessage> toolTurns = new ArrayList<>();
        List<Message> before = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean offerTools = round < MAX_TOOL_ROUNDS;
            ModelReply reply = complete(Prompts.reply(self, avatars, narrative, summary, history, toolTurns, offerTools));
            reply.reasoning().ifPresent(text -> before.add(thinking(self, text)));
            if (offerTools && !reply.toolCalls().isEmpty()) {
                ExtractedReasoning said = ExtractedReasoning.from(reply.text());
                said.reasoning().forEach(text -> before.add(thinking(self, text)));
                toolTurns.add(new PromptMessage.Assistant(said.visible(), reply.toolCalls()));
                before.add(authored(self, Message.of(clock.instant(), MessageType.TOOL_CALL, "Calling "
                        + reply.toolCalls().stream().map(ToolInvocation::name).collect(Collectors.joining(", ")))
                        .withTools(reply.toolCalls().stream().map(ReplyWriter::recorded).toList())));
                for (ToolInvocation call : reply.toolCalls()) {
                    String result = run(call, self, avatars, channel, activated);
                    toolTurns.add(new PromptMessage.ToolResult(call.id(), call.name(), result));
                    before.add(authored(self, Message.of(clock.instant(), MessageType.TOOL_CALL_RESPONSE, result)));
                }
                continue;
            }
            PostableReply postable = PostableReply.of(reply.text(), self.avatar());
            postable.reasoning().forEach(text -> before.add(thinking(self, text)));
            if (postable.isEmpty()) {
                throw new ReplyFailure(SkipReason.EMPTY_REPLY, "the model's reply was empty once reasoning and the name prefix were removed");
            }
            return new Draft(postable, before);
        }
    }

    private ModelReply complete(dev.parley.domain.llm.ModelRequest request) {
        try {
            return model.complete(request);
        } catch (ModelCallException e) {
            throw new ReplyFailure(SkipReason.of(e.kind()), e.retryAfter(), e.getMessage());
        }
    }

    /** Runs one tool call; its answer is text for the model (an unknown tool or name is answered, not thrown). */
    private String run(ToolInvocation call, AvatarProfile self, Avatars avatars, ChannelId channel,
            BiConsumer<AvatarId, Activation> activated) {
        if (!Prompts.SUMMON_AVATAR.equals(call.name())) {
            return "There is no tool called " + call.name() + ".";
        }
        Object name = call.arguments().get(Prompts.SUMMON_PARAMETER);
        String everyone = avatars.all().stream().filter(p -> !p.id().equals(self.id())).map(AvatarProfile::name)
                .collect(Collectors.joining(", "));
        if (!(name instanceof String text) || text.isBlank()) {
            return Prompts.SUMMON_AVATAR + " needs the name of an avatar: one of " + everyone + ".";
        }
        Optional<AvatarProfile> found = avatars.named(text);
        if (found.isEmpty()) {
            return "No avatar is called " + text.strip() + ". The avatars are: " + everyone + ".";
        }
        AvatarProfile summoned = found.get();
        if (summoned.id().equals(self.id())) {
            return "You are " + self.name() + ": you are here already.";
        }
        try {
            Activation activation = roster.activate(channel, summoned.id());
            if (activation.newlyActive()) {
                activated.accept(summoned.id(), activation);
                return summoned.name() + " is now active in this channel and may join the conversation.";
            }
            return summoned.name() + " is already active in this channel.";
        } catch (StorageUnavailableException e) {
            return summoned.name() + " could not be summoned just now.";
        }
    }

    /** A tool call as the conversation records it. */
    private static ToolCall recorded(ToolInvocation call) {
        try {
            return ToolCall.of(call.name(), call.arguments());
        } catch (InvalidInputException e) {
            return ToolCall.of(call.name().isBlank() ? "unnamed" : call.name(), java.util.Map.of());
        }
    }

    private Message thinking(AvatarProfile self, String text) {
        return authored(self, Message.of(clock.instant(), MessageType.THINKING, text));
    }

    private static Message authored(AvatarProfile self, Message message) {
        return message.fromAvatar(self.id()).withAuthorName(self.name());
    }
}

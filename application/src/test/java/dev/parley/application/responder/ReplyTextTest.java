package dev.parley.application.responder;

import static dev.parley.application.responder.ResponderRig.AVA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.reply.ReplyRules;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the model says becomes what is posted and recorded: reasoning kept out, prefixes and mass mentions handled, long replies split. */
class ReplyTextTest extends WithFakeModel {

    private ResponderRig rig;
    private ResponderRig.Channel channel;
    private ResponderRig.Events events;

    @BeforeEach
    void freshRig() {
        fake.reset();
        rig = new ResponderRig(model, ReplyRules.defaults(), ResponderSettings.defaults());
        channel = new ResponderRig.Channel();
        events = new ResponderRig.Events();
    }

    private void askAva() {
        rig.responder.handle(rig.fromAlice("1001", "Ava, what do you think?"), channel, events);
    }

    static Stream<Arguments> reasoningForms() {
        return Stream.of(
                Arguments.of("reasoning_content", FakeResponse.text("It is fine.").withReasoningContent("She asks my opinion.")),
                Arguments.of("reasoning (vLLM)", FakeResponse.text("It is fine.").withReasoning("She asks my opinion.")),
                Arguments.of("<think> in the text", FakeResponse.text("<think>She asks my opinion.</think>\nIt is fine.")),
                Arguments.of("only </think> (template opened it)", FakeResponse.text("She asks my opinion.</think>It is fine.")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reasoningForms")
    void reasoningInEveryFormIsRecordedAsThinkingAndNeverPosted(String form, FakeResponse response) {
        fake.enqueue(response);

        askAva();

        assertThat(channel.posted).singleElement().satisfies(r -> assertThat(r.chunks()).containsExactly("It is fine."));
        List<Message> history = rig.history();
        assertThat(history).extracting(Message::type).containsExactly(MessageType.CHAT, MessageType.THINKING, MessageType.CHAT);
        assertThat(history.get(1).content()).isEqualTo("She asks my opinion.");
        assertThat(history.get(1).avatar()).contains(AVA.id());
        assertThat(history.get(2).content()).isEqualTo("It is fine.");
    }

    @Test
    void anUnclosedThinkIsAllReasoningSoNothingIsPostedAndTheAvatarIsSkipped() {
        fake.enqueue(FakeResponse.text("Sure.<think>and then I ran out of tokens"));
        fake.enqueue(FakeResponse.text("<think>only thinking, no answer"));

        askAva();
        events = new ResponderRig.Events();
        rig.clock.advance(Duration.ofMinutes(1));
        rig.responder.handle(rig.fromAlice("1002", "Ava?"), channel, events);

        assertThat(channel.posted.getFirst().chunks()).containsExactly("Sure.");
        assertThat(events.of(ChannelEvent.Skipped.class)).extracting(ChannelEvent.Skipped::reason)
                .containsExactly(dev.parley.application.port.in.SkipReason.EMPTY_REPLY);
        assertThat(rig.history()).extracting(Message::content).doesNotContain("only thinking, no answer");
    }

    @Test
    void theAvatarsNamePrefixIsRemovedAndMassMentionsAreMadeInert() {
        fake.enqueue(FakeResponse.text("**Ava** 🦊: Hey @everyone and @here, ask <@&4242>!"));

        askAva();

        String posted = channel.posted.getFirst().chunks().getFirst();
        assertThat(posted).isEqualTo("Hey @\u200beveryone and @\u200bhere, ask <@\u200b&4242>!");
        assertThat(rig.history().getLast().content()).isEqualTo(posted);
    }

    @Test
    void aFiveThousandCharacterReplyIsPostedInThreeChunksAndRecordedAsOneMessage() {
        String paragraph = "word ".repeat(199) + "end.";
        String reply = String.join("\n\n", paragraph, paragraph, paragraph, paragraph, paragraph).substring(0, 5000);
        fake.enqueue(FakeResponse.text(reply));

        askAva();

        List<String> chunks = channel.posted.getFirst().chunks();
        assertThat(chunks).hasSize(3).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(2000));
        List<Message> chats = rig.history().stream().filter(m -> m.avatar().isPresent()).toList();
        assertThat(chats).singleElement().satisfies(m -> {
            assertThat(m.postedIds()).hasSize(3);
            assertThat(m.content()).isEqualTo(reply.strip());
        });
        assertThat(events.of(ChannelEvent.Replied.class).getFirst().posted()).hasSize(3);
    }
}

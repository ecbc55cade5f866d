package dev.parley.application.responder;

import static dev.parley.application.responder.ResponderRig.ALICE;
import static dev.parley.application.responder.ResponderRig.AVA;
import static dev.parley.application.responder.ResponderRig.BOB;
import static dev.parley.application.responder.ResponderRig.CHANNEL;
import static dev.parley.application.responder.ResponderRig.CY;
import static dev.parley.application.responder.ResponderRig.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.adapters.llm.testing.RecordedRequest;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.application.port.in.ChannelMessage;
import dev.parley.application.port.in.ModelNotConfiguredException;
import dev.parley.application.port.in.SkipReason;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.UserId;
import dev.parley.domain.reply.ReplyRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who answers a channel message, how it is recorded, and what the model is shown (memory storage, a fake model over HTTP). */
class ResponderFlowTest extends WithFakeModel {

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

    private void handle(ChannelMessage message) {
        events = new ResponderRig.Events();
        rig.responder.handle(message, channel, events);
    }

    @Test
    void aMessageNamingAnAvatarIsAnsweredByItAndBothAreRecordedWithTheirAuthors() {
        fake.enqueue(FakeResponse.text("Hello Alice! Lovely to see you."));

        handle(rig.fromAlice("1001", "hi Ava, how are you?"));

        List<MessageId> posted = List.of(MessageId.of("9000000000000000001"));
        assertThat(events.seen).containsExactly(
                new ChannelEvent.Recorded(MessageId.of("1001"), false),
                new ChannelEvent.Activated(AVA.id(), List.of()),
                new ChannelEvent.Replied(AVA.avatar(), List.of("Hello Alice! Lovely to see you."), posted),
                new ChannelEvent.Done());
        List<Message> history = rig.history();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).content()).isEqualTo("hi Ava, how are you?");
        assertThat(history.get(0).requester()).contains(ALICE);
        assertThat(history.get(0).authorName()).contains("Alice");
        assertThat(history.get(0).id()).contains(MessageId.of("1001"));
        Message reply = history.get(1);
        assertThat(reply.type()).isEqualTo(MessageType.CHAT);
        assertThat(reply.content()).isEqualTo("Hello Alice! Lovely to see you.");
        assertThat(reply.avatar()).contains(AVA.id());
        assertThat(reply.authorName()).contains("Ava");
        assertThat(reply.postedIds()).isEqualTo(posted);
        assertThat(reply.requester()).isEmpty();
        assertThat(channel.posted).singleElement().satisfies(r -> assertThat(r.avatar()).isEqualTo(AVA.avatar()));
        assertThat(rig.journal.recentReplies(AVA.id())).containsExactly("Hello Alice! Lovely to see you.");
        assertThat(rig.roster.active(CHANNEL)).extracting(p -> p.avatar()).containsExactly(AVA.id());
        assertThat(rig.store.find(THREAD).orElseThrow().requester()).isEqualTo(ALICE);
    }

    @Test
    void thePromptIsThePersonalityAndStyleRulesThenTheHistoryWithNamesAndOwnRepliesAsAssistantTurns() {
        fake.enqueue(FakeResponse.text("First answer."), FakeResponse.text("Second answer."));
        handle(rig.fromAlice("1001", "hi Ava"));
        rig.clock.advance(Duration.ofMinutes(1));

        handle(rig.fromAlice("1002", "Ava, tell me more"));

        RecordedRequest second = fake.requests().get(1);
        assertThat(second.systemText()).startsWith("You are Ava, a cheerful guide.")
                .contains("You are Ava. Answer as yourself").contains("Never mention @everyone, @here or roles")
                .contains("do not start it with your name");
        assertThat(second.messages()).extracting(RecordedRequest.Message::role).containsExactly("system", "user", "assistant", "user");
        assertThat(second.messages()).extracting(RecordedRequest.Message::content)
                .containsSubsequence("Alice: hi Ava", "First answer.", "Alice: Ava, tell me more");
        assertThat(second.tools()).extracting(RecordedRequest.Tool::name).containsExactly("summon_avatar");
    }

    @Test
    void aMessageNamingNobodyIsAnsweredByTheChannelsMostRecentlyActiveAvatar() {
        rig.roster.activate(CHANNEL, BOB.id());
        rig.clock.advance(Duration.ofSeconds(1));
        rig.roster.activate(CHANNEL, AVA.id());
        rig.clock.advance(Duration.ofSeconds(1));
        fake.enqueue(FakeResponse.text("I'm here."));

        handle(rig.fromAlice("1001", "anyone around?"));

        assertThat(events.of(ChannelEvent.Replied.class)).extracting(r -> r.avatar().id()).containsExactly(AVA.id());
        assertThat(events.of(ChannelEvent.Activated.class)).isEmpty();
    }

    @Test
    void aMessageInAChannelWithoutActiveAvatarsNamingNobodyGetsNoAnswer() {
        handle(rig.fromAlice("1001", "hello?"));

        assertThat(events.seen).containsExactly(new ChannelEvent.Recorded(MessageId.of("1001"), false), new ChannelEvent.Done());
        assertThat(fake.callCount()).isZero();
    }

    @Test
    void aReplyToAnyChunkOfAnAvatarsPostIsAnsweredByThatAvatar() {
        fake.enqueue(FakeResponse.text("Bob here.\n\n" + "x".repeat(2500)));
        handle(rig.fromAlice("1001", "Bob?"));
        List<MessageId> bobsPosts = events.of(ChannelEvent.Replied.class).getFirst().posted();
        assertThat(bobsPosts).hasSize(3);
        rig.roster.activate(CHANNEL, AVA.id());
        rig.clock.advance(Duration.ofMinutes(1));
        fake.enqueue(FakeResponse.text("Yes, that part."));

        handle(rig.fromAliceReplyingTo("1002", "what did you mean here?", bobsPosts.get(2).value()));

        assertThat(events.of(ChannelEvent.Replied.class)).extracting(r -> r.avatar().id()).containsExactly(BOB.id());
    }

    @Test
    void namedAvatarsAnswerInOrderAndTheSecondIsPacedByTheBotReplyCooldownOnAMovedClock() {
        fake.respondWith(request -> FakeResponse.text("An answer."));

        handle(rig.fromAlice("1001", "Bob and Ava and Cy: who wants to start?"));

        assertThat(events.seen).containsExactly(
                new ChannelEvent.Recorded(MessageId.of("1001"), false),
                new ChannelEvent.Activated(BOB.id(), List.of()),
                new ChannelEvent.Activated(AVA.id(), List.of()),
                new ChannelEvent.Activated(CY.id(), List.of()),
                new ChannelEvent.Replied(BOB.avatar(), List.of("An answer."), List.of(MessageId.of("9000000000000000001"))),
                new ChannelEvent.Paced(AVA.id(), Duration.ofSeconds(10)),
                new ChannelEvent.Replied(AVA.avatar(), List.of("An answer."), List.of(MessageId.of("9000000000000000002"))),
                new ChannelEvent.Done());
        assertThat(rig.pauses).containsExactly(Duration.ofSeconds(10));
        assertThat(rig.history()).extracting(m -> m.avatar().map(AvatarId::value).orElse("-")).containsExactly("-", "bob", "ava");
    }

    @Test
    void aPacedResponderWhoseWaitIsLongerThanTheMaximumIsSkipped() {
        rig = new ResponderRig(model, ReplyRules.defaults().withBotReplyCooldown(Duration.ofSeconds(40)).withTriggerMemory(Duration.ofMinutes(2)),
                ResponderSettings.defaults());
        fake.respondWith(request -> FakeResponse.text("An answer."));

        handle(rig.fromAlice("1001", "Ava, Bob?"));

        assertThat(events.of(ChannelEvent.Replied.class)).extracting(r -> r.avatar().id()).containsExactly(AVA.id());
        assertThat(events.of(ChannelEvent.Skipped.class)).containsExactly(new ChannelEvent.Skipped(BOB.id(), SkipReason.BOT_REPLY_COOLDOWN));
        assertThat(rig.pauses).isEmpty();
    }

    @Test
    void onFirstContactThePlatformsHistoryIsRecordedFirstOnceEach() {
        rig.clock.advance(Duration.ofMinutes(-10));
        ChannelMessage older = rig.fromAlice("990", "earlier words");
        ChannelMessage avatarPost = rig.fromBot("991", "Bob", "Bob said this before");
        ChannelMessage otherBot = rig.fromBot("992", "Helper", "a bot's note");
        rig.clock.advance(Duration.ofMinutes(10));
        ChannelMessage current = rig.fromAlice("1001", "Ava, catch up please");
        channel.platformHistory = List.of(older, avatarPost, otherBot, current);
        fake.enqueue(FakeResponse.text("Caught up."));

        handle(current);
        handle(rig.fromAlice("1002", "and now?"));

        List<Message> history = rig.history();
        assertThat(history).extracting(Message::content).containsExactly("earlier words", "Bob said this before", "a bot's note",
                "Ava, catch up please", "Caught up.", "and now?", "ok");
        assertThat(history.get(1).avatar()).as("an avatar's own post read back").contains(BOB.id());
        assertThat(history.get(2).authorIsBot()).isTrue();
        assertThat(history.get(2).avatar()).isEmpty();
        assertThat(history.get(2).requester()).isEmpty();
        assertThat(channel.historyReads).as("read on each message while fewer than the context are held").isEqualTo(2);
        assertThat(fake.requests().getFirst().messages()).extracting(RecordedRequest.Message::content)
                .contains("Alice: earlier words", "Bob: Bob said this before", "Helper: a bot's note");
    }

    @Test
    void laterThePlatformsHistoryFillsOnlyGapsAfterTheNewestMessageHeldNeverOlderOnesOutOfOrder() {
        channel.givesIds = false; // the rig's post ids are far above these messages' ids, unlike Discord's
        fake.enqueue(FakeResponse.text("Hello."));
        ChannelMessage first = rig.fromAlice("1001", "Ava, hello");
        handle(first);
        ChannelMessage older = rig.fromAlice("990", "before the conversation, never seen");
        ChannelMessage missed = rig.fromAlice("1500", "said after, never handed to Parley");
        ChannelMessage current = rig.fromAlice("2000", "and this?");
        channel.platformHistory = List.of(older, first, missed, current);

        handle(current);

        assertThat(rig.history()).extracting(Message::content).containsExactly("Ava, hello", "Hello.",
                "said after, never handed to Parley", "and this?", "ok");
    }

    @Test
    void theHistoryIsNotReadOnceTheConversationHoldsAFullContext() {
        rig = new ResponderRig(model, ReplyRules.defaults(), ResponderSettings.defaults().withContextMessages(2));
        handle(rig.fromAlice("1001", "one"));
        handle(rig.fromAlice("1002", "two"));
        handle(rig.fromAlice("1003", "three"));

        assertThat(channel.historyReads).isEqualTo(2);
    }

    @Test
    void aReplayedMessageIsRecordedOnceAndAnsweredOnce() {
        fake.enqueue(FakeResponse.text("Once."));
        ChannelMessage message = rig.fromAlice("1001", "Ava?");
        handle(message);

        handle(message);

        assertThat(events.seen).containsExactly(new ChannelEvent.Recorded(MessageId.of("1001"), true), new ChannelEvent.Done());
        assertThat(fake.callCount()).isEqualTo(1);
        assertThat(rig.history()).hasSize(2);
    }

    @Test
    void summonAvatarActivatesTheNamedAvatarAndIsRecordedAsAToolCallAndItsResponse() {
        fake.enqueue(FakeResponse.toolCall("call_1", "summon_avatar", "{\"name\":\"cy\"}"), FakeResponse.text("The poet is on the way."));

        handle(rig.fromAlice("1001", "Ava, can you get the poet?"));

        assertThat(events.seen).contains(new ChannelEvent.Activated(CY.id(), List.of()));
        assertThat(rig.roster.active(CHANNEL)).extracting(p -> p.avatar()).contains(CY.id());
        List<Message> history = rig.history();
        assertThat(history).extracting(Message::type).containsExactly(MessageType.CHAT, MessageType.TOOL_CALL,
                MessageType.TOOL_CALL_RESPONSE, MessageType.CHAT);
        assertThat(history.get(1).tools()).singleElement().satisfies(tool -> {
            assertThat(tool.name()).isEqualTo("summon_avatar");
            assertThat(tool.params()).isEqualTo(Map.of("name", "cy"));
        });
        assertThat(history.get(2).content()).isEqualTo("Cy is now active in this channel and may join the conversation.");
        assertThat(history.get(1).avatar()).contains(AVA.id());
        RecordedRequest again = fake.requests().get(1);
        assertThat(again.messages()).extracting(RecordedRequest.Message::role).endsWith("assistant", "tool");
        assertThat(again.messages().getLast().toolCallId()).contains("call_1");
        assertThat(again.messages().getLast().content()).contains("Cy is now active");
    }

    @Test
    void afterTwoRoundsOfToolCallsTheModelIsAskedWithoutTools() {
        fake.respondWith(request -> request.tools().isEmpty()
                ? FakeResponse.text("Fine, I'll just answer.")
                : FakeResponse.toolCall("call_" + request.messages().size(), "summon_avatar", "{\"name\":\"Nobody\"}"));

        handle(rig.fromAlice("1001", "Ava, summon everyone"));

        assertThat(fake.callCount()).isEqualTo(3);
        assertThat(fake.requests()).extracting(r -> r.tools().isEmpty()).containsExactly(false, false, true);
        assertThat(rig.history().get(2).content()).startsWith("No avatar is called Nobody. The avatars are: Bob, Cy.");
        assertThat(events.of(ChannelEvent.Replied.class)).singleElement()
                .satisfies(r -> assertThat(r.chunks()).containsExactly("Fine, I'll just answer."));
    }

    @Test
    void withoutAModelNothingIsRecordedAndTheOnlyEventIsDone() {
        rig = new ResponderRig(Optional.empty(), ReplyRules.defaults(), ResponderSettings.defaults());

        assertThatThrownBy(() -> handle(rig.fromAlice("1001", "Ava?"))).isInstanceOf(ModelNotConfiguredException.class);

        assertThat(events.seen).containsExactly(new ChannelEvent.Done());
        assertThat(rig.store.count()).isZero();
    }

    @Test
    void aLongAuthorNameIsCutAndABlankOneLeftOut() {
        ChannelMessage longName = new ChannelMessage(CHANNEL, ResponderRig.GUILD, "Guild", MessageId.of("1001"), UserId.of("5"),
                "N".repeat(300), false, "hello", Optional.empty(), List.of(), rig.clock.instant());
        ChannelMessage blank = new ChannelMessage(CHANNEL, ResponderRig.GUILD, "Guild", MessageId.of("1002"), UserId.of("6"),
                "  ", false, "hi", Optional.empty(), List.of(), rig.clock.instant());

        handle(longName);
        handle(blank);

        assertThat(rig.history().get(0).authorName()).contains("N".repeat(Message.MAX_AUTHOR_NAME_LENGTH));
        assertThat(rig.history().get(1).authorName()).isEmpty();
    }
}

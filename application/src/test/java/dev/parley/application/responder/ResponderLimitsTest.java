package dev.parley.application.responder;

import static dev.parley.application.responder.ResponderRig.ALICE;
import static dev.parley.application.responder.ResponderRig.GUILD;
import static dev.parley.application.responder.ResponderRig.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.application.port.in.ChannelEvent;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.Message;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.domain.reply.ReplyRules;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The channel-message path (the Discord bot's) holds messages to the same limits as the API, and stores nothing it refuses. */
class ResponderLimitsTest extends WithFakeModel {

    private ResponderRig rig;
    private ResponderRig.Events events;

    @BeforeEach
    void rigWithThreeMessagesPerConversation() {
        fake.reset();
        rig = new ResponderRig(Optional.of(model), ReplyRules.defaults(), ResponderSettings.defaults(),
                ConversationLimits.defaults().withMaxMessages(3));
        events = new ResponderRig.Events();
    }

    @Test
    void aMessageThatIsNotValidUnicodeIsRefusedBeforeAConversationIsStarted() {
        assertThatThrownBy(() -> rig.responder.handle(rig.fromAlice("1001", "hi Ava \ud800"), new ResponderRig.Channel(), events))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lone surrogate");

        assertThat(rig.store.exists(THREAD)).isFalse();
        assertThat(fake.callCount()).isZero();
    }

    @Test
    void aGuildNameThatIsNotValidUnicodeIsRefusedBeforeAConversationIsStarted() {
        dev.parley.application.port.in.ChannelMessage message = new dev.parley.application.port.in.ChannelMessage(
                ResponderRig.CHANNEL, GUILD, "Guild \udfff", dev.parley.domain.id.MessageId.of("1001"), ALICE, "Alice", false, "hi Ava",
                Optional.empty(), List.of(), rig.clock.instant());

        assertThatThrownBy(() -> rig.responder.handle(message, new ResponderRig.Channel(), events))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("guild name");

        assertThat(rig.store.exists(THREAD)).isFalse();
    }

    @Test
    void aMessageToAFullConversationRollsItOverIntoTheArchiveAndIsAnsweredInTheNextOne() {
        rig.store.create(Conversation.start(THREAD, GUILD, "Guild", ALICE, rig.clock.instant()), Duration.ofMinutes(5));
        List<Message> held = List.of(Message.chat(rig.clock.instant(), "one"), Message.chat(rig.clock.instant(), "two"),
                Message.chat(rig.clock.instant(), "three"));
        held.forEach(message -> rig.store.append(THREAD, message, Duration.ofMinutes(5), ConversationLimits.defaults()));
        ResponderRig.Channel channel = new ResponderRig.Channel();
        channel.platformHistory = List.of(rig.fromAlice("990", "said while the full one was live"));
        rig.clock.advance(Duration.ofMinutes(1));
        fake.enqueue(FakeResponse.text("Still here."));

        rig.responder.handle(rig.fromAlice("1001", "hi Ava, are you there?"), channel, events);

        assertThat(rig.archive.saved(THREAD).orElseThrow().history()).as("the full conversation, archived at once").isEqualTo(held);
        assertThat(rig.history()).extracting(Message::content).as("the next conversation, without the earlier history")
                .containsExactly("hi Ava, are you there?", "Still here.");
        assertThat(events.of(ChannelEvent.Replied.class)).hasSize(1);

        fake.enqueue(FakeResponse.text("Yes."));
        rig.responder.handle(rig.fromAlice("1002", "Ava?"), channel, events);
        assertThat(channel.historyReads).as("read again while the new conversation is short").isEqualTo(2);
        assertThat(rig.history()).extracting(Message::content).as("nothing older than the new conversation copied into it")
                .doesNotContain("said while the full one was live");
    }

    @Test
    void aReplyThatDoesNotFitRollsTheConversationOverAndStartsTheNextOne() {
        rig.store.create(Conversation.start(THREAD, GUILD, "Guild", ALICE, rig.clock.instant()), Duration.ofMinutes(5));
        List<Message> held = List.of(Message.chat(rig.clock.instant(), "one"), Message.chat(rig.clock.instant(), "two"));
        held.forEach(message -> rig.store.append(THREAD, message, Duration.ofMinutes(5), ConversationLimits.defaults()));
        fake.enqueue(FakeResponse.text("Here, Alice."));

        rig.responder.handle(rig.fromAlice("1001", "Ava, still there?"), new ResponderRig.Channel(), events);

        assertThat(rig.archive.saved(THREAD).orElseThrow().history()).extracting(Message::content)
                .containsExactly("one", "two", "Ava, still there?");
        assertThat(rig.history()).extracting(Message::content).containsExactly("Here, Alice.");
        assertThat(rig.store.find(THREAD).orElseThrow().requester()).as("started like the full one").isEqualTo(ALICE);
        assertThat(rig.store.find(THREAD).orElseThrow().guildId()).isEqualTo(GUILD);
    }

    @Test
    void aMessageOverTheConversationsBytesRollsItOverToo() {
        ResponderRig tight = new ResponderRig(Optional.of(model), ReplyRules.defaults(), ResponderSettings.defaults(),
                ConversationLimits.defaults().withMaxBytes(ConversationLimits.defaults().maxMessageBytes()));
        String big = "Ava " + "x".repeat(ConversationLimits.defaults().maxMessageBytes() - 200);
        tight.store.create(Conversation.start(THREAD, GUILD, "Guild", ALICE, tight.clock.instant()), Duration.ofMinutes(5));
        tight.store.append(THREAD, Message.chat(tight.clock.instant(), "x".repeat(300)), Duration.ofMinutes(5), ConversationLimits.defaults());
        fake.enqueue(FakeResponse.text("That is long."));

        tight.responder.handle(tight.fromAlice("1001", big), new ResponderRig.Channel(), events);

        assertThat(tight.archive.saved(THREAD).orElseThrow().history()).extracting(Message::content).containsExactly("x".repeat(300));
        assertThat(tight.history()).extracting(Message::content).first().isEqualTo(big);
    }

    @Test
    void aReplyPostedAfterItsConversationLeftLiveStateIsLoggedInOneLine() {
        fake.enqueue(dev.parley.adapters.llm.testing.FakeResponse.text("Morning, Alice!"));
        ResponderRig.Channel channel = new ResponderRig.Channel();
        channel.whilePosting = () -> rig.store.remove(THREAD); // archived by the idle sweep meanwhile
        java.util.List<java.util.logging.LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(Responder.class.getName());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().equals(java.util.logging.Level.WARNING)) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            rig.responder.handle(rig.fromAlice("1001", "hi Ava"), channel, events);
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(channel.posted).hasSize(1);
        assertThat(warnings).extracting(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                .singleElement().asString()
                .contains("ava").contains(ResponderRig.CHANNEL.value()).contains("no live conversation")
                .doesNotContain("Morning, Alice!");
    }
}

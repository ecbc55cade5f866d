package dev.parley.application.responder;

import static dev.parley.application.responder.ResponderRig.AVA;
import static dev.parley.application.responder.ResponderRig.BOB;
import static dev.parley.application.responder.ResponderRig.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.application.port.in.SkipReason;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.ReplyRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Avatars answer each other when one names another, bounded by the chain limit and the gate. */
class BotToBotTest extends WithFakeModel {

    private ResponderRig.Channel channel;
    private ResponderRig.Events events;

    @BeforeEach
    void fresh() {
        fake.reset();
        // Each avatar passes the word to the other: Ava names Bob, Bob names Ava.
        fake.respondWith(request -> FakeResponse.text(request.systemText().startsWith("You are Ava") ? "Over to you, Bob." : "Back to you, Ava."));
        channel = new ResponderRig.Channel();
        events = new ResponderRig.Events();
    }

    @Test
    void avatarsNamingEachOtherStopAtTheChainLimit() {
        ResponderRig rig = new ResponderRig(model, ReplyRules.defaults(), ResponderSettings.defaults());

        rig.responder.handle(rig.fromAlice("1001", "Ava, start us off"), channel, events);

        assertThat(events.of(ChannelEvent.Replied.class)).extracting(r -> r.avatar().id()).containsExactly(AVA.id(), BOB.id(), AVA.id());
        assertThat(events.of(ChannelEvent.Skipped.class)).containsExactly(new ChannelEvent.Skipped(BOB.id(), SkipReason.CHAIN_LIMIT));
        assertThat(events.seen.getLast()).isEqualTo(new ChannelEvent.Done());
        assertThat(rig.pauses).as("each reply waits out the channel's bot-reply cooldown").containsExactly(Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        assertThat(rig.history()).hasSize(4);
    }

    @Test
    void theChainLimitIsAConfiguredNumberOfRepliesInARow() {
        ResponderRig rig = new ResponderRig(model, ReplyRules.defaults(), ResponderSettings.defaults().withMaxChain(1));

        rig.responder.handle(rig.fromAlice("1001", "Ava, start us off"), channel, events);

        assertThat(events.of(ChannelEvent.Replied.class)).extracting(r -> r.avatar().id()).containsExactly(AVA.id());
        assertThat(events.of(ChannelEvent.Skipped.class)).containsExactly(new ChannelEvent.Skipped(BOB.id(), SkipReason.CHAIN_LIMIT));
    }

    @Test
    void aReplyPostedWithoutIdsStillTriggersTheAvatarItNamesUnderASyntheticId() {
        ResponderRig rig = new ResponderRig(model, ReplyRules.defaults(), ResponderSettings.defaults().withMaxChain(2));
        channel.givesIds = false;

        rig.responder.handle(rig.fromAlice("1001", "Ava, start us off"), channel, events);

        assertThat(events.of(ChannelEvent.Replied.class)).extracting(r -> r.avatar().id()).containsExactly(AVA.id(), BOB.id());
        assertThat(rig.history().get(1).postedIds()).isEmpty();
    }

    @Test
    void anotherBotsMessageEndingALongChainIsAnsweredByNobody() {
        ResponderRig rig = new ResponderRig(model, ReplyRules.defaults(), ResponderSettings.defaults());
        channel.platformHistory = List.of(rig.fromAlice("990", "hi"), rig.fromBot("991", "Helper", "beep"),
                rig.fromBot("992", "Helper", "boop"));

        rig.responder.handle(rig.fromBot("1001", "Helper", "Ava, beep boop?"), channel, events);

        assertThat(events.seen).containsExactly(
                new ChannelEvent.Recorded(MessageId.of("1001"), false),
                new ChannelEvent.Activated(AVA.id(), List.of()),
                new ChannelEvent.Skipped(AVA.id(), SkipReason.CHAIN_LIMIT),
                new ChannelEvent.Done());
        assertThat(fake.callCount()).isZero();
    }

    @Test
    void anotherBotsMessageIsAnsweredLikeAPersonsButStartsAChain() {
        ResponderRig rig = new ResponderRig(model, ReplyRules.defaults(), ResponderSettings.defaults().withMaxChain(2));
        rig.roster.activate(CHANNEL, BOB.id());
        fake.respondWith(FakeResponse.text("Noted."));

        rig.responder.handle(rig.fromBot("1001", "Helper", "status report: all green"), channel, events);
        ResponderRig.Events second = new ResponderRig.Events();
        rig.clock.advance(Duration.ofMinutes(1));
        rig.responder.handle(rig.fromBot("1002", "Helper", "status report: still green"), channel, second);

        assertThat(events.of(ChannelEvent.Replied.class)).extracting(r -> r.avatar().id()).containsExactly(BOB.id());
        assertThat(second.of(ChannelEvent.Skipped.class)).as("bot, Bob, bot: three in a row")
                .containsExactly(new ChannelEvent.Skipped(BOB.id(), SkipReason.CHAIN_LIMIT));
    }
}

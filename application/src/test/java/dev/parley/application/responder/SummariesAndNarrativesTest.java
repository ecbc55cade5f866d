package dev.parley.application.responder;

import static dev.parley.application.responder.ResponderRig.AVA;
import static dev.parley.application.responder.ResponderRig.CHANNEL;
import static dev.parley.application.responder.ResponderRig.THREAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.adapters.llm.testing.RecordedRequest;
import dev.parley.application.port.in.AvatarNotFoundException;
import dev.parley.application.port.in.NarrativeOutcome;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.narrative.Narrative;
import dev.parley.domain.reply.ReplyRules;
import dev.parley.domain.summary.ChannelSummary;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Summaries refreshed off the reply path every N messages; narratives under the global slot; both feed the prompt. */
class SummariesAndNarrativesTest extends WithFakeModel {

    private ResponderRig rig;
    private ResponderRig.Channel channel;

    @BeforeEach
    void fresh() {
        fake.reset();
        fake.respondWith(request -> request.systemText().contains("private summary")
                ? FakeResponse.text("<think>condensing</think>Alice and Ava chatted about the weather.")
                : request.systemText().contains("private reflection")
                        ? FakeResponse.text("I enjoyed talking about the weather.")
                        : FakeResponse.text("Nice weather."));
        rig = new ResponderRig(model, ReplyRules.defaults().withAvatarResponseCooldown(Duration.ZERO).withBotReplyCooldown(Duration.ZERO),
                ResponderSettings.defaults().withSummariesEvery(4));
        channel = new ResponderRig.Channel();
    }

    private void aliceAsksAva(String id) {
        rig.responder.handle(rig.fromAlice(id, "Ava, how's the weather?"), channel, new ResponderRig.Events());
        rig.clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void afterEnoughNewMessagesTheAvatarWritesASummaryOffTheReplyPathAndItFeedsTheNextPrompt() {
        aliceAsksAva("1001");
        rig.runBackground();
        assertThat(rig.summarizer.find(CHANNEL, AVA.id())).as("2 messages of 4").isEmpty();

        aliceAsksAva("1002");
        assertThat(rig.summarizer.find(CHANNEL, AVA.id())).as("not on the reply path").isEmpty();
        rig.runBackground();

        ChannelSummary summary = rig.summarizer.find(CHANNEL, AVA.id()).orElseThrow();
        assertThat(summary.text()).isEqualTo("Alice and Ava chatted about the weather.");
        assertThat(rig.store.find(THREAD).orElseThrow().summary()).isEqualTo(summary.text());
        RecordedRequest summaryRequest = fake.requests().stream().filter(r -> r.systemText().contains("private summary")).findFirst()
                .orElseThrow();
        assertThat(summaryRequest.lastUserText()).contains("Alice: Ava, how's the weather?").contains("Ava: Nice weather.");

        aliceAsksAva("1003");
        assertThat(fake.lastRequest().systemText()).contains("What you remember of this channel's conversation so far:\n"
                + "Alice and Ava chatted about the weather.");
        rig.runBackground();
        assertThat(fake.requests().stream().filter(r -> r.systemText().contains("private summary")).count())
                .as("2 new messages since the summary, not 4").isEqualTo(1);
    }

    @Test
    void aSummaryBeingWrittenElsewhereIsNotWrittenTwice() {
        aliceAsksAva("1001");
        aliceAsksAva("1002");
        var held = rig.summaries.tryStartGeneration(AVA.id(), CHANNEL, Duration.ofMinutes(1)).orElseThrow();

        rig.runBackground();

        assertThat(rig.summarizer.find(CHANNEL, AVA.id())).isEmpty();
        rig.summaries.release(held);
        assertThat(rig.summarizer.refreshIfDue(AVA.id(), CHANNEL)).isPresent();
    }

    @Test
    void theMostRecentlyActiveAvatarWritesANarrativeUnderTheGlobalSlotAndItFeedsItsPrompt() {
        rig.responder.handle(rig.fromAlice("1001", "Bob?"), channel, new ResponderRig.Events());
        rig.clock.advance(Duration.ofSeconds(30));
        aliceAsksAva("1002");

        NarrativeOutcome first = rig.narratives.writeNext();
        NarrativeOutcome second = rig.narratives.writeNext();

        assertThat(first).isInstanceOfSatisfying(NarrativeOutcome.Written.class,
                written -> assertThat(written.narrative()).isEqualTo(new Narrative(AVA.id(), "I enjoyed talking about the weather.",
                        rig.clock.instant())));
        assertThat(second).as("Bob is due too, but the slot is taken for an hour").isInstanceOf(NarrativeOutcome.SlotTaken.class);
        RecordedRequest narrativeRequest = fake.requests().stream().filter(r -> r.systemText().contains("private reflection"))
                .findFirst().orElseThrow();
        assertThat(narrativeRequest.systemText()).startsWith("You are Ava");
        assertThat(narrativeRequest.lastUserText()).contains("- Nice weather.");
        assertThat(rig.narratives.narratives(AVA.id())).extracting(Narrative::text).containsExactly("I enjoyed talking about the weather.");

        aliceAsksAva("1003");
        assertThat(fake.lastRequest().systemText()).contains("Your latest reflection on your recent experiences (your own words):\n"
                + "I enjoyed talking about the weather.");

        rig.clock.advance(Duration.ofMinutes(59));
        assertThat(rig.narratives.writeNext()).as("Ava's is recent: Bob is due, but the slot still runs")
                .isInstanceOf(NarrativeOutcome.SlotTaken.class);
        rig.clock.advance(Duration.ofMinutes(1));
        assertThat(rig.narratives.writeNext()).as("an hour on: the most recently active, Ava, is due again")
                .isInstanceOfSatisfying(NarrativeOutcome.Written.class, w -> assertThat(w.narrative().avatar()).isEqualTo(AVA.id()));
        assertThat(rig.narratives.narratives(AVA.id())).hasSize(2);
    }

    @Test
    void withNobodyActiveNoNarrativeIsDueAndTheSlotIsLeftFree() {
        assertThat(rig.narratives.writeNext()).isEqualTo(new NarrativeOutcome.NoneDue());
        assertThat(rig.gate.tryTakeNarrativeSlot().admitted()).isTrue();
        assertThatThrownBy(() -> rig.narratives.narratives(AvatarId.of("zed"))).isInstanceOf(AvatarNotFoundException.class);

        ResponderRig none = new ResponderRig(Optional.empty(), ReplyRules.defaults(), ResponderSettings.defaults());
        assertThat(none.narratives.writeNext()).isEqualTo(new NarrativeOutcome.NoneDue());
    }
}

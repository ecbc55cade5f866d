package dev.parley.application.responder;

import static dev.parley.application.responder.ResponderRig.AVA;
import static dev.parley.application.responder.ResponderRig.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.llm.OpenAiLanguageModel;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.adapters.memory.InMemoryModelCallBudget;
import dev.parley.application.port.in.ChannelEvent;
import dev.parley.application.port.in.SkipReason;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.llm.BudgetedLanguageModel;
import dev.parley.domain.llm.ModelCallQuota;
import dev.parley.domain.reply.GateDecision;
import dev.parley.domain.reply.ReplyRequest;
import dev.parley.domain.reply.ReplyRules;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reply that fails costs nothing: nothing posted, nothing recorded, and the cooldowns its
 * admission took are given back, shown by the next ask being admitted at once.
 */
class ReplyFailureTest {

    private static final Duration HASTY_TIMEOUT = Duration.ofMillis(1500);
    private static FakeOpenAi fake;
    /** For every case but the timeout: a loaded machine's pause must not turn a failure into a timeout. */
    private static OpenAiLanguageModel model;
    /** Only for the timeout case, whose fake answers long after this client's timeout. */
    private static OpenAiLanguageModel hasty;
    private ResponderRig rig;
    private ResponderRig.Channel channel;
    private ResponderRig.Events events;

    @BeforeAll
    static void startFake() {
        fake = FakeOpenAi.start();
        // The first calls of a JVM pay for class loading and the connection, which on a loaded machine can
        // exceed the short timeout under test: warm up through the patient client first, then the hasty one.
        model = ResponderRig.modelOf(fake, Duration.ofSeconds(30));
        model.complete(warmUp());
        hasty = ResponderRig.modelOf(fake, HASTY_TIMEOUT);
        for (int attempt = 1; ; attempt++) {
            try {
                hasty.complete(warmUp());
                return;
            } catch (RuntimeException slowStart) {
                if (attempt == 5) {
                    throw slowStart;
                }
            }
        }
    }

    private static dev.parley.domain.llm.ModelRequest warmUp() {
        return new dev.parley.domain.llm.ModelRequest(
                java.util.List.of(new dev.parley.domain.llm.PromptMessage.User("warm", "up")), java.util.List.of(),
                dev.parley.domain.llm.ModelOptions.defaults());
    }

    @AfterAll
    static void stopFake() {
        hasty.close();
        model.close();
        fake.close();
    }

    @BeforeEach
    void freshRig() {
        fake.reset();
        rig = new ResponderRig(model, ReplyRules.defaults(), ResponderSettings.defaults());
        channel = new ResponderRig.Channel();
        events = new ResponderRig.Events();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(FakeResponse.status(500), SkipReason.MODEL_FAILED),
                Arguments.of(FakeResponse.status(401), SkipReason.MODEL_FAILED),
                Arguments.of(FakeResponse.status(429).withRetryAfter("1"), SkipReason.MODEL_RATE_LIMITED),
                Arguments.of(FakeResponse.text("too late").after(HASTY_TIMEOUT.multipliedBy(3)), SkipReason.MODEL_TIMEOUT),
                Arguments.of(FakeResponse.text("   "), SkipReason.EMPTY_REPLY));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void aFailedModelCallPostsAndRecordsNothingAndGivesTheCooldownsBack(FakeResponse failure, SkipReason reason) {
        if (reason == SkipReason.MODEL_TIMEOUT) {
            rig = new ResponderRig(hasty, ReplyRules.defaults(), ResponderSettings.defaults());
        }
        fake.enqueue(failure);

        rig.responder.handle(rig.fromAlice("1001", "Ava?"), channel, events);

        assertThat(events.of(ChannelEvent.Skipped.class)).containsExactly(new ChannelEvent.Skipped(AVA.id(), reason));
        assertThat(events.of(ChannelEvent.Replied.class)).isEmpty();
        assertThat(events.seen.getLast()).isEqualTo(new ChannelEvent.Done());
        assertThat(channel.posted).isEmpty();
        assertThat(rig.history()).extracting(m -> m.content()).containsExactly("Ava?");
        assertThat(rig.journal.recentReplies(AVA.id())).isEmpty();
        assertThat(rig.gate.decide(ReplyRequest.of(CHANNEL, AVA.id(), MessageId.of("1002"))))
                .as("asked again at once, with the clock unmoved").isInstanceOf(GateDecision.Admitted.class);
    }

    @Test
    void aFailedPostRecordsNothingAndGivesTheCooldownsBack() {
        channel.failing = true;

        rig.responder.handle(rig.fromAlice("1001", "Ava?"), channel, events);

        assertThat(events.of(ChannelEvent.Skipped.class)).containsExactly(new ChannelEvent.Skipped(AVA.id(), SkipReason.POST_FAILED));
        assertThat(rig.history()).hasSize(1);
        channel.failing = false;
        fake.enqueue(FakeResponse.text("Second time lucky."));
        events = new ResponderRig.Events();
        rig.responder.handle(rig.fromAlice("1002", "Ava??"), channel, events);
        assertThat(events.of(ChannelEvent.Paced.class)).as("no cooldown left to wait for").isEmpty();
        assertThat(events.of(ChannelEvent.Replied.class)).hasSize(1);
    }

    @Test
    void aSpentCallBudgetSkipsTheAvatarWithoutAskingTheModel() {
        BudgetedLanguageModel budgeted = new BudgetedLanguageModel(model,
                new InMemoryModelCallBudget(ModelCallQuota.perHour(1), rig.clock));
        rig = new ResponderRig(budgeted, ReplyRules.defaults(), ResponderSettings.defaults());
        rig.responder.handle(rig.fromAlice("1001", "Ava?"), channel, events);
        rig.clock.advance(Duration.ofMinutes(1));
        events = new ResponderRig.Events();

        rig.responder.handle(rig.fromAlice("1002", "Ava, again?"), channel, events);

        assertThat(events.of(ChannelEvent.Skipped.class)).containsExactly(new ChannelEvent.Skipped(AVA.id(), SkipReason.BUDGET_EXHAUSTED));
        assertThat(fake.callCount()).isEqualTo(1);
    }
}

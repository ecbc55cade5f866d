package dev.parley.application.responder;

import static dev.parley.application.responder.ResponderRig.AVA;
import static dev.parley.application.responder.ResponderRig.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.application.port.in.AvatarNotFoundException;
import dev.parley.application.port.in.ConversationNotFoundException;
import dev.parley.application.port.in.ModelNotConfiguredException;
import dev.parley.application.port.in.ReplyFailedException;
import dev.parley.application.port.in.RespondOutcome;
import dev.parley.application.port.in.RespondRequest;
import dev.parley.application.port.in.SkipReason;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.ReplyRules;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One avatar asked to answer now, for a caller that posts the reply itself. */
class RespondTest extends WithFakeModel {

    private ResponderRig rig;

    @BeforeEach
    void fresh() {
        fake.reset();
        rig = new ResponderRig(model, ReplyRules.defaults(), ResponderSettings.defaults());
        rig.responder.handle(rig.fromAlice("1001", "good morning"), new ResponderRig.Channel(), new ResponderRig.Events());
    }

    private static RespondRequest ask(String avatar, String trigger, boolean override) {
        return new RespondRequest(CHANNEL, AvatarId.of(avatar), MessageId.of(trigger), override);
    }

    @Test
    void anAdmittedAvatarsReplyIsReturnedInChunksAndRecordedWithoutPostedIds() {
        fake.enqueue(FakeResponse.text("<think>a greeting</think>Morning, Alice!"));

        RespondOutcome outcome = rig.responder.respond(ask("ava", "1001", false));

        assertThat(outcome).isInstanceOfSatisfying(RespondOutcome.Responded.class, responded -> {
            assertThat(responded.avatar()).isEqualTo(AVA.avatar());
            assertThat(responded.chunks()).containsExactly("Morning, Alice!");
            assertThat(responded.recorded().content()).isEqualTo("Morning, Alice!");
            assertThat(responded.recorded().postedIds()).isEmpty();
            assertThat(responded.recorded().avatar()).contains(AVA.id());
        });
        assertThat(rig.history()).extracting(Message::content).containsExactly("good morning", "a greeting", "Morning, Alice!");
    }

    @Test
    void aDeniedAvatarGetsTheReasonAndTheWaitAndNothingIsGenerated() {
        fake.enqueue(FakeResponse.text("First."));
        rig.responder.respond(ask("ava", "1001", false));

        RespondOutcome again = rig.responder.respond(ask("ava", "1002", false));

        assertThat(again).isInstanceOfSatisfying(RespondOutcome.NotAdmitted.class, denied -> {
            assertThat(denied.denial().reason()).isEqualTo(DenialReason.AVATAR_COOLDOWN);
            assertThat(denied.denial().retryAfter()).isEqualTo(Duration.ofSeconds(10));
        });
        assertThat(fake.callCount()).isEqualTo(1);
        assertThat(rig.responder.respond(ask("ava", "1002", true))).as("override").isInstanceOf(RespondOutcome.Responded.class);
    }

    @Test
    void aFailedReplyThrowsWithItsReasonAndGivesTheCooldownsBack() {
        fake.enqueue(FakeResponse.status(503));

        assertThatThrownBy(() -> rig.responder.respond(ask("ava", "1001", false)))
                .isInstanceOfSatisfying(ReplyFailedException.class, e -> assertThat(e.reason()).isEqualTo(SkipReason.MODEL_FAILED));

        assertThat(rig.history()).hasSize(1);
        assertThat(rig.responder.respond(ask("ava", "1001", false))).isInstanceOf(RespondOutcome.Responded.class);
    }

    @Test
    void anUnknownChannelOrAvatarIsRefusedAndWithoutAModelNothingIsAsked() {
        assertThatThrownBy(() -> rig.responder.respond(new RespondRequest(dev.parley.domain.id.ChannelId.of("404"), AVA.id(),
                MessageId.of("1"), false))).isInstanceOf(ConversationNotFoundException.class);
        assertThatThrownBy(() -> rig.responder.respond(ask("zed", "1001", false))).isInstanceOf(AvatarNotFoundException.class);

        ResponderRig none = new ResponderRig(Optional.empty(), ReplyRules.defaults(), ResponderSettings.defaults());
        assertThatThrownBy(() -> none.responder.respond(ask("ava", "1001", false))).isInstanceOf(ModelNotConfiguredException.class);
        assertThat(fake.callCount()).isZero();
    }
}

package dev.parley.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.AvatarId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponderChoiceTest {

    private static final AvatarId AVA = AvatarId.of("ava");
    private static final AvatarId BOB = AvatarId.of("bob");
    private static final AvatarId CY = AvatarId.of("cy");

    private static ResponderChoice.Choice choose(List<AvatarId> named, Optional<AvatarId> repliedTo, List<AvatarId> active,
            Optional<AvatarId> author, int chain) {
        return ResponderChoice.choose(new ResponderChoice.Input(named, repliedTo, active, author, chain), 2, 3);
    }

    @Test
    void namedAvatarsAnswerFirstInOrderOfMention() {
        assertThat(choose(List.of(BOB, AVA), Optional.empty(), List.of(CY), Optional.empty(), 0).responders()).containsExactly(BOB, AVA);
    }

    @Test
    void theRepliedToAvatarAnswersAfterTheNamedOnes() {
        assertThat(choose(List.of(BOB), Optional.of(AVA), List.of(CY), Optional.empty(), 0).responders()).containsExactly(BOB, AVA);
        assertThat(choose(List.of(), Optional.of(AVA), List.of(CY), Optional.empty(), 0).responders()).containsExactly(AVA);
    }

    @Test
    void withoutNamesOrReplyTheMostRecentlyActiveAvatarAnswers() {
        assertThat(choose(List.of(), Optional.empty(), List.of(CY, AVA), Optional.empty(), 0).responders()).containsExactly(CY);
    }

    @Test
    void aChannelWithoutActiveAvatarsGetsNoAnswer() {
        ResponderChoice.Choice choice = choose(List.of(), Optional.empty(), List.of(), Optional.empty(), 0);

        assertThat(choice.responders()).isEmpty();
        assertThat(choice.chainLimited()).isFalse();
    }

    @Test
    void noMoreThanTheCapAnswerAndNobodyTwice() {
        assertThat(choose(List.of(AVA, BOB, CY), Optional.of(AVA), List.of(), Optional.empty(), 0).responders()).containsExactly(AVA, BOB);
        assertThat(choose(List.of(AVA), Optional.of(AVA), List.of(), Optional.empty(), 0).responders()).containsExactly(AVA);
    }

    @Test
    void anAvatarNeverAnswersItself() {
        assertThat(choose(List.of(AVA, BOB), Optional.empty(), List.of(), Optional.of(AVA), 1).responders()).containsExactly(BOB);
        assertThat(choose(List.of(), Optional.of(AVA), List.of(AVA), Optional.of(AVA), 1).responders()).isEmpty();
    }

    @Test
    void anAvatarsMessageNamingNoOneTriggersNoOne() {
        assertThat(choose(List.of(), Optional.empty(), List.of(BOB, AVA), Optional.of(AVA), 1).responders()).isEmpty();
    }

    @Test
    void aLongBotChainIsNotAnswered() {
        ResponderChoice.Choice atLimit = choose(List.of(BOB), Optional.empty(), List.of(), Optional.of(AVA), 3);
        ResponderChoice.Choice below = choose(List.of(BOB), Optional.empty(), List.of(), Optional.of(AVA), 2);

        assertThat(atLimit.responders()).isEmpty();
        assertThat(atLimit.chainLimited()).isTrue();
        assertThat(below.responders()).containsExactly(BOB);
    }
}

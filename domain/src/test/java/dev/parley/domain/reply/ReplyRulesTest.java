package dev.parley.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyRulesTest {

    @Test
    void defaultsAreTheAvatarDocumentsLimits() {
        ReplyRules rules = ReplyRules.defaults();

        assertThat(rules.avatarResponseCooldown()).isEqualTo(Duration.ofSeconds(5));
        assertThat(rules.botReplyCooldown()).isEqualTo(Duration.ofSeconds(10));
        assertThat(rules.narrativeCooldown()).isEqualTo(Duration.ofHours(1));
        assertThat(rules.maxRespondersPerMessage()).isEqualTo(2);
        assertThat(rules.maxWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(rules.maxActiveAvatarsPerChannel()).isEqualTo(8);
        assertThat(rules.triggerMemory()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void eachRuleCanBeChangedAlone() {
        ReplyRules rules = ReplyRules.defaults().withBotReplyCooldown(Duration.ofMillis(200)).withMaxRespondersPerMessage(3);

        assertThat(rules.botReplyCooldown()).isEqualTo(Duration.ofMillis(200));
        assertThat(rules.maxRespondersPerMessage()).isEqualTo(3);
        assertThat(rules.avatarResponseCooldown()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aCooldownOfZeroIsAllowedAndMeansOff() {
        ReplyRules off = ReplyRules.defaults().withAvatarResponseCooldown(Duration.ZERO).withBotReplyCooldown(Duration.ZERO)
                .withNarrativeCooldown(Duration.ZERO);

        assertThat(off.avatarResponseCooldown()).isZero();
        assertThat(off.botReplyCooldown()).isZero();
        assertThat(off.narrativeCooldown()).isZero();
    }

    @Test
    void otherwiseCooldownsAreAtLeastOneMillisecondAndNamedByTheirField() {
        assertThatThrownBy(() -> ReplyRules.defaults().withBotReplyCooldown(Duration.ofMillis(-1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("bot reply cooldown must be zero (off) or a duration of at least 1 ms, got PT-0.001S")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(InputField.BOT_REPLY_COOLDOWN))
                .satisfies(e -> assertThat(((InvalidInputException) e).problem()).doesNotContain("bot"));
        assertThatThrownBy(() -> ReplyRules.defaults().withAvatarResponseCooldown(Duration.ofSeconds(-1)))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(InputField.AVATAR_RESPONSE_COOLDOWN));
        assertThatThrownBy(() -> ReplyRules.defaults().withNarrativeCooldown(Duration.ofNanos(999_999)))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(InputField.NARRATIVE_COOLDOWN));
    }

    @Test
    void waitsAreAtLeastOneMillisecond() {
        assertThatThrownBy(() -> ReplyRules.defaults().withMaxWait(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("max wait must be a duration of at least 1 ms, got PT0S");
        assertThatThrownBy(() -> ReplyRules.defaults().withMaxWait(null))
                .hasMessage("max wait is required: a duration of at least 1 ms");
    }

    @Test
    void capsMustBeAtLeastOne() {
        assertThatThrownBy(() -> ReplyRules.defaults().withMaxRespondersPerMessage(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("max responders per message must be at least 1, got 0");
        assertThatThrownBy(() -> ReplyRules.defaults().withMaxActiveAvatarsPerChannel(-8))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(InputField.MAX_ACTIVE_AVATARS_PER_CHANNEL))
                .satisfies(e -> assertThat(((InvalidInputException) e).problem()).isEqualTo("must be at least 1, got -8"));
    }

    @Test
    void triggersMustBeRememberedLongerThanAPacedReplyMayWait() {
        assertThatThrownBy(() -> ReplyRules.defaults().withTriggerMemory(Duration.ofSeconds(30)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(InputField.TRIGGER_MEMORY))
                .hasMessageContaining("must be longer than the max wait");
    }
}

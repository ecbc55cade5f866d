package dev.parley.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theBotReplyCooldownAliasIsInMilliseconds() {
        assertThat(ReplyRules.botReplyCooldownFromMillis(10_000)).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> ReplyRules.botReplyCooldownFromMillis(0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("BOT_REPLY_COOLDOWN_MS");
    }

    @Test
    void durationsMustBeAtLeastOneMillisecond() {
        assertThatThrownBy(() -> ReplyRules.defaults().withBotReplyCooldown(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("parley.cooldowns.bot-reply must be a duration of at least 1 ms, got PT0S")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("bot_reply_cooldown"));
        assertThatThrownBy(() -> ReplyRules.defaults().withAvatarResponseCooldown(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("parley.cooldowns.avatar-response ");
        assertThatThrownBy(() -> ReplyRules.defaults().withNarrativeCooldown(Duration.ofNanos(999_999)))
                .hasMessageStartingWith("parley.cooldowns.narrative ");
        assertThatThrownBy(() -> ReplyRules.defaults().withMaxWait(null))
                .hasMessage("parley.replies.max-wait is required: a duration of at least 1 ms");
    }

    @Test
    void capsMustBeAtLeastOne() {
        assertThatThrownBy(() -> ReplyRules.defaults().withMaxRespondersPerMessage(0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("parley.replies.max-responders-per-message must be at least 1, got 0");
        assertThatThrownBy(() -> ReplyRules.defaults().withMaxActiveAvatarsPerChannel(-8))
                .hasMessage("parley.avatars.max-active-per-channel must be at least 1, got -8");
    }

    @Test
    void triggersMustBeRememberedLongerThanAPacedReplyMayWait() {
        assertThatThrownBy(() -> ReplyRules.defaults().withTriggerMemory(Duration.ofSeconds(30)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be longer than parley.replies.max-wait");
    }
}

package dev.parley.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InvalidInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GateDecisionTest {

    @ParameterizedTest
    @EnumSource(DenialReason.class)
    void reasonsRoundTripThroughTheirWireNames(DenialReason reason) {
        assertThat(DenialReason.fromWireName(reason.wireName())).isEqualTo(reason);
        assertThat(reason.wireName()).matches("[a-z_]+");
    }

    @Test
    void wireNamesAreTheIssuesNames() {
        assertThat(DenialReason.AVATAR_COOLDOWN.wireName()).isEqualTo("avatar_cooldown");
        assertThat(DenialReason.BOT_REPLY_COOLDOWN.wireName()).isEqualTo("bot_reply_cooldown");
        assertThat(DenialReason.RESPONDERS_FULL.wireName()).isEqualTo("responders_full");
        assertThatThrownBy(() -> DenialReason.fromWireName("cooldown")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("reason must be one of");
    }

    @Test
    void aRetryableDenialNeedsAPositiveWaitAndAFinalOneNone() {
        assertThat(new GateDecision.Denied(DenialReason.BOT_REPLY_COOLDOWN, Duration.ofSeconds(3)).admitted()).isFalse();
        assertThat(GateDecision.Denied.respondersFull().retryAfter()).isZero();
        assertThatThrownBy(() -> new GateDecision.Denied(DenialReason.AVATAR_COOLDOWN, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GateDecision.Denied(DenialReason.RESPONDERS_FULL, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

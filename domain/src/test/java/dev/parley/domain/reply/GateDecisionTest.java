package dev.parley.domain.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GateDecisionTest {

    @Test
    void onlyAFullTriggerIsAFinalDenial() {
        assertThat(DenialReason.values()).filteredOn(reason -> !reason.retryable()).containsExactly(DenialReason.RESPONDERS_FULL);
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

package dev.parley.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.platform.IdentifyPacing;
import dev.parley.domain.platform.IdentifyPacingContract;
import dev.parley.domain.platform.IdentifySlot;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryIdentifyPacingTest extends IdentifyPacingContract {

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");

    @Override
    protected IdentifyPacing newPacing() {
        return new InMemoryIdentifyPacing(clock);
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void aHoldEndsExactlyWhenRetryAfterSays() {
        IdentifyPacing pacing = newPacing();
        pacing.hold(BUCKET, FIRST, window());
        Duration wait = ((IdentifySlot.Busy) pacing.hold(BUCKET, SECOND, window())).retryAfter();
        assertThat(wait).isEqualTo(window());

        elapse(wait.minusNanos(1));
        assertThat(pacing.hold(BUCKET, SECOND, window())).isEqualTo(new IdentifySlot.Busy(Duration.ofNanos(1)));
        elapse(Duration.ofNanos(1));
        assertThat(pacing.hold(BUCKET, SECOND, window()).taken()).isTrue();
    }

    @Test
    void aHoldShorterThanAMillisecondIsRefused() {
        assertThatThrownBy(() -> newPacing().hold(BUCKET, FIRST, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}

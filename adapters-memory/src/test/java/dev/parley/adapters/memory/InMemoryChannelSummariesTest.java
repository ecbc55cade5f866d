package dev.parley.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.summary.ChannelSummaries;
import dev.parley.domain.summary.ChannelSummariesContract;
import dev.parley.domain.summary.ChannelSummary;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryChannelSummariesTest extends ChannelSummariesContract {

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

    @Override
    protected ChannelSummaries newSummaries(Duration retention) {
        return new InMemoryChannelSummaries(retention, clock);
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void summariesOfQuietChannelsAreDroppedFromMemory() {
        InMemoryChannelSummaries summaries = new InMemoryChannelSummaries(Duration.ofMinutes(5), clock);
        for (int i = 1; i <= 1_000; i++) {
            ChannelId channel = ChannelId.of(Integer.toString(i));
            summaries.save(new ChannelSummary(AVA, channel, "s", clock.instant()),
                    summaries.tryStartGeneration(AVA, channel, Duration.ofSeconds(30)).orElseThrow());
        }
        assertThat(summaries.trackedSlots()).isEqualTo(1_000);

        clock.advance(Duration.ofMinutes(10));
        summaries.tryStartGeneration(AvatarId.of("bob"), ChannelId.of("1"), Duration.ofSeconds(30));

        assertThat(summaries.trackedSlots()).isEqualTo(1);
    }
}

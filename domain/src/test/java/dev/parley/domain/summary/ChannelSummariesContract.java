package dev.parley.domain.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.testing.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ChannelSummaries} must have. An adapter's test builds one over fresh,
 * empty state with the given retention and lets its clock move on.
 */
public abstract class ChannelSummariesContract {

    protected static final AvatarId AVA = AvatarId.of("ava");
    protected static final AvatarId BOB = AvatarId.of("bob");
    protected static final ChannelId CHANNEL = ChannelId.of("3100");
    protected static final ChannelId OTHER = ChannelId.of("3200");

    protected abstract ChannelSummaries newSummaries(Duration retention);

    /** Lets {@code duration} pass on the adapter's clock. */
    protected abstract void elapse(Duration duration);

    /** Summaries sharing {@code summaries}' state, as another instance would see them. */
    protected ChannelSummaries sharingStateWith(ChannelSummaries summaries) {
        return summaries;
    }

    private static ChannelSummary summary(AvatarId avatar, ChannelId channel, String text) {
        return new ChannelSummary(avatar, channel, text, Instant.parse("2026-03-01T10:00:00Z"));
    }

    @Test
    void anUnknownSummaryIsEmpty() {
        assertThat(newSummaries(Duration.ofDays(1)).find(AVA, CHANNEL)).isEmpty();
    }

    @Test
    void theHolderOfTheGenerationRightSavesTheSummary() {
        ChannelSummaries summaries = newSummaries(Duration.ofDays(1));
        GenerationLease lease = summaries.tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1)).orElseThrow();

        assertThat(summaries.save(summary(AVA, CHANNEL, "they talked about tea"), lease)).isTrue();

        assertThat(summaries.find(AVA, CHANNEL)).contains(summary(AVA, CHANNEL, "they talked about tea"));
        assertThat(summaries.find(BOB, CHANNEL)).isEmpty();
        assertThat(summaries.find(AVA, OTHER)).isEmpty();
    }

    @Test
    void onlyOneGenerationPerAvatarAndChannelRunsAtATime() {
        ChannelSummaries summaries = newSummaries(Duration.ofDays(1));
        assertThat(summaries.tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1))).isPresent();

        assertThat(sharingStateWith(summaries).tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1))).isEmpty();
        assertThat(summaries.tryStartGeneration(BOB, CHANNEL, Duration.ofMinutes(1))).isPresent();
        assertThat(summaries.tryStartGeneration(AVA, OTHER, Duration.ofMinutes(1))).isPresent();
    }

    @Test
    void savingEndsTheRightAndReleasingDoesToo() {
        ChannelSummaries summaries = newSummaries(Duration.ofDays(1));
        GenerationLease first = summaries.tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1)).orElseThrow();
        summaries.save(summary(AVA, CHANNEL, "one"), first);
        GenerationLease second = summaries.tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1)).orElseThrow();
        summaries.release(second);

        assertThat(summaries.tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1))).isPresent();
        assertThat(summaries.find(AVA, CHANNEL)).contains(summary(AVA, CHANNEL, "one"));
    }

    @Test
    void aLapsedLeaseCanBeTakenAndItsFormerHolderSavesNothing() {
        ChannelSummaries summaries = newSummaries(Duration.ofDays(1));
        GenerationLease slow = summaries.tryStartGeneration(AVA, CHANNEL, Duration.ofSeconds(1)).orElseThrow();
        elapse(Duration.ofSeconds(2));
        GenerationLease fast = sharingStateWith(summaries).tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1)).orElseThrow();

        assertThat(summaries.save(summary(AVA, CHANNEL, "stale"), slow)).isFalse();
        summaries.release(slow);
        assertThat(summaries.tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1))).as("the slow holder's release must not end the new lease").isEmpty();
        assertThat(summaries.save(summary(AVA, CHANNEL, "fresh"), fast)).isTrue();
        assertThat(summaries.find(AVA, CHANNEL).map(ChannelSummary::text)).contains("fresh");
    }

    @Test
    void aSummaryIsForgottenAfterTheRetention() {
        ChannelSummaries summaries = newSummaries(Duration.ofSeconds(3));
        GenerationLease lease = summaries.tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1)).orElseThrow();
        summaries.save(summary(AVA, CHANNEL, "short-lived"), lease);
        elapse(Duration.ofSeconds(4));

        assertThat(summaries.find(AVA, CHANNEL)).isEmpty();
    }

    @Test
    void manyRacingCallersGetOneLease() throws Exception {
        ChannelSummaries summaries = newSummaries(Duration.ofDays(1));
        ChannelSummaries other = sharingStateWith(summaries);
        AtomicInteger taken = new AtomicInteger();

        Concurrently.run(16, i -> {
            Optional<GenerationLease> lease = (i % 2 == 0 ? summaries : other).tryStartGeneration(AVA, CHANNEL, Duration.ofMinutes(1));
            if (lease.isPresent()) {
                taken.incrementAndGet();
            }
        });

        assertThat(taken).hasValue(1);
    }
}

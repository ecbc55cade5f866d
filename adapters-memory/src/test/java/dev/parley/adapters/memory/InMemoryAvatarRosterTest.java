package dev.parley.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.AvatarRosterContract;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.RequestId;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryAvatarRosterTest extends AvatarRosterContract {

    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");

    @Override
    protected AvatarRoster newRoster(int maxActive) {
        return new InMemoryAvatarRoster(maxActive, clock);
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Override
    protected AvatarRoster withCap(AvatarRoster roster, int cap) {
        return ((InMemoryAvatarRoster) roster).withMaxActivePerChannel(cap);
    }

    @Test
    void aChannelWithoutAnActivationForTheChannelMemoryStartsEmptyAndIsDropped() {
        InMemoryAvatarRoster roster = new InMemoryAvatarRoster(8, Duration.ofHours(1), clock);
        roster.activate(CHANNEL, avatar(1));
        elapse(Duration.ofMinutes(30));
        roster.activate(CHANNEL, avatar(2)); // renews the channel's memory

        elapse(Duration.ofHours(1).minusMillis(1));
        assertThat(roster.active(CHANNEL)).extracting(Presence::avatar).containsExactly(avatar(2), avatar(1));

        elapse(Duration.ofMillis(1));
        assertThat(roster.active(CHANNEL)).isEmpty();
        assertThat(roster.trackedChannels()).as("dropped when read").isZero();
        assertThat(roster.activate(CHANNEL, avatar(3)).active()).extracting(Presence::avatar).containsExactly(avatar(3));
    }

    @Test
    void activationsInManyChannelsAreSweptAwayOnceTheyExpire() {
        InMemoryAvatarRoster roster = new InMemoryAvatarRoster(8, clock);
        for (int c = 0; c < 2_000; c++) {
            ChannelId channel = ChannelId.of(Integer.toString(10_000 + c));
            roster.activate(channel, avatar(1), RequestId.of("request-" + c));
            roster.activate(channel, avatar(2));
        }
        assertThat(roster.trackedChannels()).isEqualTo(2_000);
        assertThat(roster.rememberedResults()).isEqualTo(2_000);

        elapse(AvatarRoster.RESULT_MEMORY);
        activateTimes(roster, CHANNEL, 2 * 2_001 / InMemoryAvatarRoster.SWEEP_STEP + 1); // the cursor's round, then a whole one
        assertThat(roster.rememberedResults()).as("request results forgotten after their memory").isZero();
        assertThat(roster.trackedChannels()).as("rosters kept for the channel memory").isEqualTo(2_001);

        elapse(AvatarRoster.CHANNEL_MEMORY);
        activateTimes(roster, ChannelId.of("999"), 10);
        assertThat(roster.trackedChannels()).as("a few calls in, a few expired channels are gone").isBetween(2, 2_000);
        activateTimes(roster, ChannelId.of("999"), 2 * 2_002 / InMemoryAvatarRoster.SWEEP_STEP + 1);
        assertThat(roster.trackedChannels()).as("only the channel just activated").isEqualTo(1);
    }

    private static void activateTimes(InMemoryAvatarRoster roster, ChannelId channel, int times) {
        for (int i = 0; i < times; i++) {
            roster.activate(channel, avatar(1 + i % 3));
        }
    }

    @Test
    void presencesCarryTheClocksTimes() {
        AvatarRoster roster = newRoster(1);
        Instant first = clock.instant();
        roster.activate(CHANNEL, avatar(1));
        elapse(Duration.ofMinutes(1));
        Instant second = clock.instant();

        Activation activation = roster.activate(CHANNEL, avatar(2));

        assertThat(activation.active()).containsExactly(new Presence(avatar(2), second, second, Optional.empty()));
        assertThat(activation.deactivated()).containsExactly(new Presence(avatar(1), first, first, Optional.of(second)));
    }

    @Test
    void withAStoppedClockTheEarliestCallerIsTheStalest() {
        AvatarRoster roster = newRoster(2);
        roster.activate(CHANNEL, avatar(1));
        roster.activate(CHANNEL, avatar(2));
        roster.touch(CHANNEL, avatar(1));

        assertThat(roster.activate(CHANNEL, avatar(3)).deactivatedIds()).containsExactly(avatar(2));
        assertThat(roster.active(CHANNEL)).extracting(Presence::avatar).containsExactly(avatar(3), avatar(1));
    }

    @Test
    void theCapMustBeAtLeastOne() {
        assertThatThrownBy(() -> new InMemoryAvatarRoster(0, clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxActivePerChannel must be at least 1, got 0");
    }
}

package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.AvatarRosterContract;
import dev.parley.domain.avatar.Presence;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The roster contract against a real Redis, the second instance on a second client; {@link #elapse} sleeps. */
@Execution(ExecutionMode.CONCURRENT)
class RedisAvatarRosterTest extends AvatarRosterContract {

    private final RedisGateOptions options = RedisGateOptions.defaults().withKeyPrefix("roster-test-" + UUID.randomUUID());
    private int cap;

    @Override
    protected AvatarRoster newRoster(int maxActive) {
        cap = maxActive;
        return new RedisAvatarRoster(TestConnections.shared(), maxActive, options);
    }

    @Override
    protected AvatarRoster sharingStateWith(AvatarRoster roster) {
        return new RedisAvatarRoster(TestConnections.second(), cap, options);
    }

    @Override
    protected void elapse(Duration duration) {
        RedisReplyGateTest.sleep(duration);
    }

    @Test
    void withinOneMicrosecondActivitiesAreStillOrderedAsTheCalls() {
        AvatarRoster roster = newRoster(2);
        roster.activate(CHANNEL, avatar(1));
        roster.activate(CHANNEL, avatar(2));
        roster.touch(CHANNEL, avatar(1));

        Activation third = roster.activate(CHANNEL, avatar(3));

        assertThat(third.deactivatedIds()).containsExactly(avatar(2));
        assertThat(third.activeIds()).containsExactly(avatar(3), avatar(1));
        assertThat(third.active().getFirst().lastActivityAt()).isAfter(third.active().get(1).lastActivityAt());
    }

    @Test
    void aChannelsRosterLivesTheConfiguredTimeAfterItsLastActivation() {
        RedisGateOptions shortLived = options.withRosterTtl(Duration.ofSeconds(1));
        AvatarRoster roster = new RedisAvatarRoster(TestConnections.shared(), 8, shortLived);
        GateKeys keys = new GateKeys(options.keyPrefix());
        RedisCommands<String, String> sync = TestConnections.shared().sync();
        roster.activate(CHANNEL, avatar(1));

        assertThat(sync.pttl(keys.roster(CHANNEL))).isBetween(1L, 1_000L);
        assertThat(sync.pttl(keys.presence(CHANNEL))).isBetween(1L, 1_000L);
        elapse(Duration.ofMillis(1_050));

        assertThat(roster.active(CHANNEL)).isEmpty();
        assertThat(sync.exists(keys.roster(CHANNEL), keys.presence(CHANNEL))).isZero();
    }

    @Test
    void theDefaultRosterLifetimeIsThirtyDays() {
        AvatarRoster roster = newRoster(8);
        roster.activate(CHANNEL, avatar(1));

        long ttl = TestConnections.shared().sync().pttl(new GateKeys(options.keyPrefix()).roster(CHANNEL));
        assertThat(Duration.ofMillis(ttl)).isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
    }

    @Test
    void presencesOfRotatedOutAvatarsAreKeptMarked() {
        AvatarRoster roster = newRoster(1);
        roster.activate(CHANNEL, avatar(1));
        Activation second = roster.activate(CHANNEL, avatar(2));
        Presence gone = second.deactivated().getFirst();

        String stored = TestConnections.shared().sync().hget(new GateKeys(options.keyPrefix()).presence(CHANNEL), avatar(1).value());

        assertThat(stored).endsWith(":" + (gone.deactivatedAt().orElseThrow().getEpochSecond() * 1_000_000L
                + gone.deactivatedAt().orElseThrow().getNano() / 1_000));
    }

    @Test
    void theCapMustBeAtLeastOne() {
        assertThatThrownBy(() -> new RedisAvatarRoster(TestConnections.shared(), 0, options))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxActivePerChannel must be at least 1, got 0");
    }
}

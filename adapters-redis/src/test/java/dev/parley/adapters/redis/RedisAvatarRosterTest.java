package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.AvatarRosterContract;
import dev.parley.domain.avatar.Presence;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The roster contract against a real Redis, the second instance on a second client; {@link #elapse} sleeps. */
@Execution(ExecutionMode.CONCURRENT)
class RedisAvatarRosterTest extends AvatarRosterContract {

    private final RedisGateOptions options = RedisGateOptions.defaults().withKeyPrefix("roster-test-" + UUID.randomUUID());
    private int cap;

    RedisConnection connection() {
        return TestConnections.shared();
    }

    RedisConnection secondConnection() {
        return TestConnections.second();
    }

    @Override
    protected AvatarRoster newRoster(int maxActive) {
        cap = maxActive;
        return new RedisAvatarRoster(connection(), maxActive, options);
    }

    @Override
    protected AvatarRoster sharingStateWith(AvatarRoster roster) {
        return new RedisAvatarRoster(secondConnection(), cap, options);
    }

    @Override
    protected AvatarRoster withCap(AvatarRoster roster, int lowered) {
        return new RedisAvatarRoster(secondConnection(), lowered, options);
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
        // Long enough that no stall of a loaded machine between the activation and the check
        // (this class runs beside others: seen over 2 s) lets the keys expire before they are read.
        Duration ttl = Duration.ofSeconds(3);
        RedisGateOptions shortLived = options.withRosterTtl(ttl);
        AvatarRoster roster = new RedisAvatarRoster(connection(), 8, shortLived);
        GateKeys keys = new GateKeys(options.keyPrefix());
        RedisClusterCommands<String, String> sync = connection().sync();
        long before = redisMillis(sync);
        roster.activate(CHANNEL, avatar(1));
        long after = redisMillis(sync);

        // Judged on Redis's clock: the keys expire one TTL after the activation ran, whenever that is read.
        assertThat(sync.pexpiretime(keys.roster(CHANNEL))).isBetween(before + ttl.toMillis(), after + ttl.toMillis());
        assertThat(sync.pexpiretime(keys.presence(CHANNEL))).isBetween(before + ttl.toMillis(), after + ttl.toMillis());
        elapse(ttl.plusMillis(50));

        assertThat(roster.active(CHANNEL)).isEmpty();
        assertThat(sync.exists(keys.roster(CHANNEL), keys.presence(CHANNEL))).isZero();
    }

    /** Redis's {@code TIME} in whole milliseconds, rounded down. */
    private static long redisMillis(RedisClusterCommands<String, String> sync) {
        List<String> time = sync.time();
        return Long.parseLong(time.get(0)) * 1_000L + Long.parseLong(time.get(1)) / 1_000L;
    }

    @Test
    void theDefaultRosterLifetimeIsThirtyDays() {
        AvatarRoster roster = newRoster(8);
        roster.activate(CHANNEL, avatar(1));

        long ttl = connection().sync().pttl(new GateKeys(options.keyPrefix()).roster(CHANNEL));
        assertThat(Duration.ofMillis(ttl)).isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
    }

    @Test
    void presencesOfRotatedOutAvatarsAreKeptMarked() {
        AvatarRoster roster = newRoster(1);
        roster.activate(CHANNEL, avatar(1));
        Activation second = roster.activate(CHANNEL, avatar(2));
        Presence gone = second.deactivated().getFirst();

        String stored = connection().sync().hget(new GateKeys(options.keyPrefix()).presence(CHANNEL), avatar(1).value());

        assertThat(stored).endsWith(":" + (gone.deactivatedAt().orElseThrow().getEpochSecond() * 1_000_000L
                + gone.deactivatedAt().orElseThrow().getNano() / 1_000));
    }

    @Test
    void theCapMustBeAtLeastOne() {
        assertThatThrownBy(() -> new RedisAvatarRoster(connection(), 0, options))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxActivePerChannel must be at least 1, got 0");
    }
}

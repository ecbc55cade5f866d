package dev.parley.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.RequestId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An activation whose reply was lost (Redis paused past the command timeout, then ran it) may have
 * rotated an avatar out. The caller retries with the same request id and is told about that
 * rotation, so it is reported exactly once, not "at most once".
 */
class ActivationRetryTest {

    private static final ChannelId CHANNEL = ChannelId.of("71");

    @Test
    void aRetryAfterATimedOutActivationReportsTheRotationThatActivationMade() throws Exception {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                RedisConnector redis = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT);
                RedisConnector admin = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            RedisAvatarRoster roster = new RedisAvatarRoster(redis.live(), 1, RedisGateOptions.defaults());
            roster.activate(CHANNEL, AvatarId.of("ada"), RequestId.of("1001"));
            RequestId request = RequestId.of("1002");

            admin.live().sync().clientPause(3_000);
            assertThatThrownBy(() -> roster.activate(CHANNEL, AvatarId.of("bo"), request))
                    .isInstanceOf(StorageUnavailableException.class);
            awaitPauseOver(admin);

            Activation retry = roster.activate(CHANNEL, AvatarId.of("bo"), request);

            assertThat(retry.deactivatedIds()).as("the rotation the lost activation made").containsExactly(AvatarId.of("ada"));
            assertThat(retry.newlyActive()).isTrue();
            assertThat(roster.active(CHANNEL)).extracting(p -> p.avatar()).containsExactly(AvatarId.of("bo"));
        }
    }

    private static void awaitPauseOver(RedisConnector admin) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                admin.live().sync().ping();
                return;
            } catch (RuntimeException stillPaused) {
                assertThat(System.nanoTime()).as("Redis answers again after the pause").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
    }
}

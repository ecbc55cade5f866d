package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Lease renewal between two instances (two stores, hence two holders) on one Redis, on a test
 * clock: only the holder a claim was last handed to extends it, and only while it is pending.
 */
@Execution(ExecutionMode.CONCURRENT)
class LeaseRenewalTest {

    private static final Duration IDLE = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)));
    private final RedisStoreOptions options = RedisStoreOptions.defaults().withKeyPrefix("renew-" + UUID.randomUUID());
    private final RedisConversationStore first = RedisOnTestClock.store(TestConnections.shared(), options, clock);
    private final RedisConversationStore second = RedisOnTestClock.store(TestConnections.second(), options, clock);

    private ClaimedConversation idleConversationClaimedBy(RedisConversationStore holder) {
        first.create(Conversation.start(ThreadId.of("91"), GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
        clock.advance(IDLE.plusSeconds(1));
        return holder.claimIdle(10, LEASE).getFirst();
    }

    @Test
    void theHolderExtendsItsLeaseAndNoOtherInstanceCan() {
        ClaimedConversation claimed = idleConversationClaimedBy(first);

        assertThat(second.renewLease(claimed.claimId(), LEASE)).as("another instance renewing").isFalse();
        clock.advance(LEASE.minusSeconds(10));
        assertThat(first.renewLease(claimed.claimId(), LEASE)).as("the holder renewing").isTrue();
        clock.advance(Duration.ofSeconds(30)); // past the first lease, within the renewed one

        assertThat(second.claimIdle(10, LEASE)).isEmpty();
    }

    @Test
    void aHolderWhoseLeaseEndedAndWhoseClaimWentToAnotherCannotTakeItBack() {
        ClaimedConversation claimed = idleConversationClaimedBy(first);
        clock.advance(LEASE.plusSeconds(1));
        ClaimedConversation taken = second.claimIdle(10, LEASE).getFirst();

        assertThat(taken.claimId()).isEqualTo(claimed.claimId());
        assertThat(first.renewLease(claimed.claimId(), LEASE)).isFalse();
        assertThat(second.renewLease(claimed.claimId(), LEASE)).isTrue();
    }

    @Test
    void aHolderWhoseLeaseEndedKeepsItWhileNoOtherInstanceTookIt() {
        ClaimedConversation claimed = idleConversationClaimedBy(first);
        clock.advance(LEASE.plusSeconds(1));

        assertThat(first.renewLease(claimed.claimId(), LEASE)).isTrue();
        assertThat(second.claimIdle(10, LEASE)).as("renewed before anyone took it").isEmpty();
    }
}

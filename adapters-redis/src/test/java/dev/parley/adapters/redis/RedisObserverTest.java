package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The adapters tell their connection's {@link RedisObserver} what failed and how (an error reply,
 * no reply in time, no connection), and what a sweep set aside or found lost, while their callers
 * get the usual {@link StorageUnavailableException}.
 */
class RedisObserverTest {

    private static final Duration IDLE = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    /** What the observer heard, in order. */
    private static final class Heard implements RedisObserver {

        final List<String> failures = new CopyOnWriteArrayList<>();
        final AtomicLong deadLettered = new AtomicLong();
        final AtomicLong expired = new AtomicLong();

        @Override
        public void commandFailed(String operation, Failure failure) {
            failures.add(operation + ": " + failure);
        }

        @Override
        public void deadLettered() {
            deadLettered.incrementAndGet();
        }

        @Override
        public void expiredUnarchived(long count) {
            expired.addAndGet(count);
        }
    }

    private static Conversation conversation(String thread) {
        return Conversation.start(ThreadId.of(thread), GUILD, GUILD_NAME, REQUESTER, CREATED_AT);
    }

    @Test
    void anErrorReplyATimeoutAndALostConnectionAreEachReportedWithTheirOperation() throws Exception {
        Heard heard = new Heard();
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null, List.of("--maxmemory-policy", "noeviction"));
                RedisConnector redis = RedisConnector.connect(server.uri(), SHORT_TIMEOUT, heard)) {
            RedisConversationStore store = new RedisConversationStore(redis.live(), redis.sweeper(),
                    RedisStoreOptions.defaults().withKeyPrefix("observed"));
            store.create(conversation("100"), IDLE);
            assertThat(heard.failures).as("successful calls are not reported, nor a script sent after NOSCRIPT").isEmpty();

            redis.live().sync().configSet("maxmemory", "1");
            assertThatThrownBy(() -> store.create(conversation("101"), IDLE)).isInstanceOf(StorageUnavailableException.class);
            redis.live().sync().configSet("maxmemory", "0");
            assertThat(heard.failures).containsExactly("create: ERROR_REPLY");

            server.pause();
            try {
                assertThatThrownBy(() -> store.find(ThreadId.of("100"))).isInstanceOf(StorageUnavailableException.class);
            } finally {
                server.resume();
            }
            assertThat(heard.failures).containsExactly("create: ERROR_REPLY", "find: TIMEOUT");

            server.stop();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!heard.failures.contains("exists: NOT_CONNECTED")) {
                assertThat(System.nanoTime()).as("a call refused for want of a connection").isLessThan(deadline);
                assertThatThrownBy(() -> store.exists(ThreadId.of("100"))).isInstanceOf(StorageUnavailableException.class);
            }
        }
    }

    @Test
    void aSweepReportsEachDeadLetterAndTheConversationsThatExpiredUnarchived() {
        Heard heard = new Heard();
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)));
        RedisStoreOptions options = RedisStoreOptions.defaults().withKeyPrefix("observed-" + UUID.randomUUID()).withMaxHandOuts(1);
        RedisKeys keys = new RedisKeys(options.keyPrefix(), 1);
        try (RedisConnector redis = RedisConnector.connect(RedisServer.shared().uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT, heard)) {
            RedisConversationStore store = RedisOnTestClock.store(redis.sweeper(), options, clock);
            ThreadId poisoned = ThreadId.of("200");
            ThreadId vanished = ThreadId.of("201");
            store.create(conversation("200"), IDLE);
            store.create(conversation("201"), IDLE);
            store.append(vanished, Message.chat(CREATED_AT, "gone").from(REQUESTER), IDLE, ConversationLimits.defaults());
            redis.live().sync().rpush(keys.history(poisoned), "{\"at\":\"2025-11-25T10:30:00Z\",\"type\":\"voice_note\",\"content\":\"x\"}");
            // What the keys' TTL does to a conversation no sweeper claimed within the grace period.
            redis.live().sync().del(keys.conversation(vanished), keys.history(vanished));
            clock.advance(IDLE.plusSeconds(1));

            assertThat(store.claimIdle(10, LEASE)).isEmpty();
            assertThat(heard.expired).hasValue(1);
            assertThat(heard.deadLettered).hasValue(0);

            clock.advance(LEASE.plusSeconds(1));
            assertThat(store.claimIdle(10, LEASE)).isEmpty();
            assertThat(heard.deadLettered).as("handed out once, then set aside").hasValue(1);
            assertThat(heard.failures).isEmpty();
        }
    }
}

package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.conversation.ClaimedConversation;
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
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * One entry no instance can decode (a message type written by a newer version during a rolling
 * upgrade, a corrupted value) among 200 idle conversations: the other 199 are claimed in the same
 * sweep, and the poisoned one, after {@link RedisStoreOptions#maxHandOuts()} hand-outs, is set
 * aside as a dead letter, named in a log line and counted for {@code /health}.
 */
@Execution(ExecutionMode.SAME_THREAD)
class PoisonedEntryTest {

    private static final Duration IDLE = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int SWEEP_BATCH = 100;
    private static final ThreadId POISONED = ThreadId.of("3117");

    private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)));
    private final RedisStoreOptions options = RedisStoreOptions.defaults().withKeyPrefix("poison-" + UUID.randomUUID()).withMaxHandOuts(3);
    private final RedisConversationStore store = RedisOnTestClock.store(TestConnections.shared(), options, clock);
    private final Logger storeLog = Logger.getLogger(RedisConversationStore.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        storeLog.addHandler(capture);
        storeLog.setUseParentHandlers(false); // the dead letters are provoked on purpose: captured, not printed
    }

    @AfterEach
    void releaseLog() {
        storeLog.removeHandler(capture);
        storeLog.setUseParentHandlers(true);
    }

    private List<ClaimedConversation> sweep() {
        List<ClaimedConversation> claimed = new java.util.ArrayList<>();
        List<ClaimedConversation> batch;
        do {
            batch = store.claimIdle(SWEEP_BATCH, LEASE);
            claimed.addAll(batch);
        } while (batch.size() == SWEEP_BATCH);
        return claimed;
    }

    private String logText() {
        return logged.stream().map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList().toString();
    }

    @Test
    void theOther199AreClaimedInOneSweepAndThePoisonedOneEndsAsANamedDeadLetter() {
        for (int i = 0; i < 200; i++) {
            ThreadId thread = ThreadId.of(Integer.toString(3000 + i));
            store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
            store.append(thread, Message.chat(CREATED_AT, "message of " + thread).from(REQUESTER), IDLE, ConversationLimits.defaults());
        }
        // What a newer version might write: a message type this one does not know.
        TestConnections.shared().sync().rpush(new RedisKeys(options.keyPrefix(), 1).history(POISONED),
                "{\"at\":\"2025-11-25T10:30:00Z\",\"type\":\"voice_note\",\"content\":\"private words\"}");
        clock.advance(IDLE.plusSeconds(1));

        List<ClaimedConversation> firstSweep = sweep();

        assertThat(firstSweep).hasSize(199);
        assertThat(firstSweep).extracting(c -> c.conversation().threadId()).doesNotContain(POISONED);
        firstSweep.forEach(c -> store.acknowledge(c.claimId()));
        assertThat(logText()).contains("Cannot read back the conversation of thread 3117").doesNotContain("private words");

        for (int handOut = 2; handOut <= options.maxHandOuts(); handOut++) {
            clock.advance(LEASE.plusSeconds(1));
            assertThat(sweep()).as("hand-out %d", handOut).isEmpty();
        }
        clock.advance(LEASE.plusSeconds(1));
        assertThat(sweep()).isEmpty();

        assertThat(logText()).contains("The conversation of thread 3117 was handed out 3 times and never read back");
        assertThat(new RedisHealthProbe(TestConnections.shared(), options).report().deadLetters()).isEqualTo(1);
        clock.advance(LEASE.plusSeconds(1));
        assertThat(sweep()).as("a dead letter is not handed out again").isEmpty();
        RedisKeys keys = new RedisKeys(options.keyPrefix(), 1);
        List<String> dead = TestConnections.shared().sync().zrange(keys.deadLetters(0), 0, -1);
        assertThat(dead).hasSize(1);
        ClaimKey claim = ClaimKey.parse(dead.getFirst(), 1).orElseThrow();
        assertThat(claim.thread()).isEqualTo(POISONED.value());
        assertThat(TestConnections.shared().sync().pttl(keys.sealedHistory(claim))).as("its history, kept for an operator without expiry")
                .isEqualTo(-1L);
    }
}

package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The TTL safety net: live keys outlive their deadline by grace (exactly, after creation) to twice grace, then leave nothing behind.
 * Key lifetimes are judged on Redis's own clock (the deadline in the due set against each key's
 * {@code PEXPIRETIME}), so no pause of this JVM between a write and its check can move them.
 */
@Execution(ExecutionMode.CONCURRENT)
class KeyLifetimeTest {

    private static final Duration IDLE = Duration.ofMillis(200);
    /**
     * Long enough that no stall of a loaded machine between a write and its check (seen: over 2 s)
     * lets the keys expire before they are read; the checks themselves allow no slack.
     */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String prefix = "lifetime-" + UUID.randomUUID();
    private final RedisConversationStore store = new RedisConversationStore(TestConnections.shared(),
            RedisStoreOptions.defaults().withKeyPrefix(prefix).withGrace(GRACE));
    private final RedisClusterCommands<String, String> redis = TestConnections.shared().sync();
    private final ThreadId thread = ThreadId.of("42");

    private List<String> liveKeys() {
        String base = prefix + ":{0}:";
        return List.of(base + "conv:42", base + "msgs:42", base + "ids:42");
    }

    /** The conversation's idle deadline as the store keeps it: Unix milliseconds on Redis's clock. */
    private long deadline() {
        Double score = redis.zscore(prefix + ":{0}:due", thread.value());
        assertThat(score).as("the conversation's idle deadline").isNotNull();
        return score.longValue();
    }

    /** Each live key expires (PEXPIRETIME) grace to twice grace after the conversation's idle deadline. */
    private void assertEveryLiveKeyOutlivesTheDeadlineByGraceToTwiceGrace() {
        long deadline = deadline();
        for (String key : liveKeys()) {
            assertThat(redis.pexpiretime(key) - deadline).as("%s expires this long after the deadline", key)
                    .isBetween(GRACE.toMillis(), GRACE.plus(GRACE).toMillis());
        }
    }

    @Test
    void aNewConversationsKeysExpireGraceAfterItsIdleDeadline() {
        store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT)
                .append(Message.chat(CREATED_AT, "first").from(REQUESTER).withId(MessageId.of("7"))).conversation(), IDLE);

        long deadline = deadline();
        for (String key : liveKeys()) {
            assertThat(redis.pexpiretime(key) - deadline).as("%s expires this long after the deadline", key).isEqualTo(GRACE.toMillis());
        }
    }

    @Test
    void everyLiveKeyExpiresBetweenGraceAndTwiceGraceAfterTheIdleDeadline() {
        store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
        store.append(thread, Message.chat(CREATED_AT, "first").from(REQUESTER).withId(MessageId.of("7")), IDLE, ConversationLimits.defaults());

        assertEveryLiveKeyOutlivesTheDeadlineByGraceToTwiceGrace();
    }

    @Test
    void keysOfAConversationNoSweeperClaimedExpireAndAreNeitherCountedNorClaimed() throws Exception {
        store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
        store.append(thread, Message.chat(CREATED_AT, "first").from(REQUESTER).withId(MessageId.of("7")), IDLE, ConversationLimits.defaults());

        Thread.sleep(IDLE.plus(GRACE).plus(GRACE).plusMillis(200));

        assertThat(redis.exists(liveKeys().toArray(String[]::new))).as("no live key left").isZero();
        assertThat(store.count()).isZero();
        assertThat(store.claimIdle(10, Duration.ofSeconds(5))).isEmpty();
        assertThat(redis.zcard(prefix + ":{0}:due")).as("the lost deadline is dropped").isZero();
    }

    @Test
    void appendsKeepExtendingTheKeysWhileTheConversationIsActive() throws Exception {
        store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
        // An append every half idle time for longer than the first TTL (idle + 2 * grace).
        int appends = (int) (IDLE.plus(GRACE).plus(GRACE).toMillis() / (IDLE.toMillis() / 2)) + 5;
        for (int i = 0; i < appends; i++) {
            Thread.sleep(IDLE.toMillis() / 2);
            assertThat(store.append(thread, Message.chat(CREATED_AT, "m" + i).from(REQUESTER)
                    .withId(MessageId.of(Integer.toString(100 + i))), IDLE, ConversationLimits.defaults())).as("append %d", i).isEqualTo(AppendOutcome.APPENDED);
        }

        assertThat(store.find(thread).orElseThrow().history()).hasSize(appends);
        // The deadline moved with the last append, past the end of life the create gave the keys:
        // keys still outliving it by at least grace were extended.
        assertEveryLiveKeyOutlivesTheDeadlineByGraceToTwiceGrace();
    }
}

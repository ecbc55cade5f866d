package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The TTL safety net: live keys outlive their deadline by grace to twice grace, then leave nothing behind. */
@Execution(ExecutionMode.CONCURRENT)
class KeyLifetimeTest {

    private static final Duration IDLE = Duration.ofMillis(200);
    private static final Duration GRACE = Duration.ofMillis(1_000);
    /** Time a busy machine may take between a write and the check of its TTL. */
    private static final long SLACK_MILLIS = 400;

    private final String prefix = "lifetime-" + UUID.randomUUID();
    private final RedisConversationStore store = new RedisConversationStore(TestConnections.shared(),
            RedisStoreOptions.defaults().withKeyPrefix(prefix).withGrace(GRACE));
    private final RedisCommands<String, String> redis = TestConnections.shared().sync();
    private final ThreadId thread = ThreadId.of("42");

    private List<String> liveKeys() {
        String base = prefix + ":{0}:";
        return List.of(base + "conv:42", base + "msgs:42", base + "ids:42");
    }

    @Test
    void everyLiveKeyCarriesATtlBetweenIdlePlusGraceAndIdlePlusTwiceGrace() {
        store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
        store.append(thread, Message.chat(CREATED_AT, "first").from(REQUESTER).withId(MessageId.of("7")), IDLE);

        for (String key : liveKeys()) {
            assertThat(redis.pttl(key)).as(key)
                    .isGreaterThan(IDLE.plus(GRACE).toMillis() - SLACK_MILLIS)
                    .isLessThanOrEqualTo(IDLE.plus(GRACE).plus(GRACE).toMillis());
        }
    }

    @Test
    void keysOfAConversationNoSweeperClaimedExpireAndAreNeitherCountedNorClaimed() throws Exception {
        store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
        store.append(thread, Message.chat(CREATED_AT, "first").from(REQUESTER).withId(MessageId.of("7")), IDLE);

        Thread.sleep(IDLE.plus(GRACE).plus(GRACE).plusMillis(200));

        assertThat(redis.exists(liveKeys().toArray(String[]::new))).as("no live key left").isZero();
        assertThat(store.count()).isZero();
        assertThat(store.claimIdle(10, Duration.ofSeconds(5))).isEmpty();
        assertThat(redis.zcard(prefix + ":{0}:due")).as("the lost deadline is dropped").isZero();
    }

    @Test
    void appendsKeepExtendingTheKeysWhileTheConversationIsActive() throws Exception {
        store.create(Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), IDLE);
        int appends = 25; // 2.5 s of activity: longer than the first TTL (idle + 2 * grace)
        for (int i = 0; i < appends; i++) {
            Thread.sleep(IDLE.toMillis() / 2);
            store.append(thread, Message.chat(CREATED_AT, "m" + i).from(REQUESTER).withId(MessageId.of(Integer.toString(100 + i))), IDLE);
        }

        assertThat(store.find(thread).orElseThrow().history()).hasSize(appends);
        for (String key : liveKeys()) {
            assertThat(redis.pttl(key)).as(key).isGreaterThan(IDLE.plus(GRACE).toMillis() - SLACK_MILLIS);
        }
    }
}

package dev.parley.adapters.redis;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.GUILD;
import static dev.parley.domain.testing.EchoExamples.GUILD_NAME;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.ClaimedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.id.ThreadId;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redis at {@code maxmemory} ({@code noeviction}) with the claims of an instance that died: the
 * survivor's sweeper still takes them over when their lease ends (claiming and acknowledging are
 * allowed on a full Redis) and frees the memory, nothing is lost, and creates and appends are
 * refused whole while Redis is full and accepted again once there is room.
 */
class FullMemoryTest {

    private static final Duration IDLE = Duration.ofMillis(200);
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final int CONVERSATIONS = 20;
    private static final int MESSAGES = 40;
    private static final String TEXT = "x".repeat(1_000);

    @Test
    void aFullRedisStillHandsADeadInstancesClaimsToTheSurvivorWhoArchivesThemAndFreesRoomForAppends() throws Exception {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null, List.of("--maxmemory-policy", "noeviction"));
                RedisConnector survivor = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT)) {
            RedisConnector doomed = RedisConnector.connect(server.uri(), RedisConnector.DEFAULT_COMMAND_TIMEOUT);
            RedisStoreOptions options = RedisStoreOptions.defaults().withKeyPrefix("full");
            RedisConversationStore dying = new RedisConversationStore(doomed.live(), doomed.sweeper(), options);
            RedisConversationStore living = new RedisConversationStore(survivor.live(), survivor.sweeper(), options);
            Map<ThreadId, Conversation> written = new HashMap<>();
            for (int t = 0; t < CONVERSATIONS; t++) {
                ThreadId thread = ThreadId.of(Integer.toString(1000 + t));
                Conversation conversation = Conversation.start(thread, GUILD, GUILD_NAME, REQUESTER, CREATED_AT);
                for (int m = 0; m < MESSAGES; m++) {
                    conversation = conversation.append(Message.chat(CREATED_AT.plusSeconds(m), TEXT + m).from(REQUESTER)).conversation();
                }
                dying.create(conversation, IDLE);
                written.put(thread, conversation);
            }
            Thread.sleep(IDLE.toMillis() + 100);
            assertThat(dying.claimIdle(100, LEASE)).hasSize(CONVERSATIONS);
            doomed.close(); // the instance dies holding every claim, before archiving any

            // A live conversation, then Redis over its limit: what the dead instance holds can no longer fit.
            ThreadId busy = ThreadId.of("2000");
            living.create(Conversation.start(busy, GUILD, GUILD_NAME, REQUESTER, CREATED_AT), Duration.ofMinutes(5));
            RedisClusterCommands<String, String> admin = survivor.live().sync();
            admin.configSet("maxmemory", Long.toString(usedMemory(admin) - 200 * 1024));
            assertThatThrownBy(() -> living.append(busy, Message.chat(CREATED_AT, "while full").from(REQUESTER), Duration.ofMinutes(5), ConversationLimits.defaults()))
                    .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("OOM");
            assertThatThrownBy(() -> living.create(Conversation.start(ThreadId.of("2001"), GUILD, GUILD_NAME, REQUESTER, CREATED_AT),
                    Duration.ofMinutes(5))).as("even a small create is refused whole").hasMessageContaining("OOM");

            // The dead instance's leases end; the survivor's sweeper takes the claims over on the full Redis.
            List<ClaimedConversation> recovered = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (recovered.size() < CONVERSATIONS) {
                assertThat(System.nanoTime()).as("claims taken over").isLessThan(deadline);
                for (ClaimedConversation claimed : living.claimIdle(100, LEASE)) {
                    recovered.add(claimed);
                    living.acknowledge(claimed.claimId()); // archived: its memory is freed
                }
                Thread.sleep(100);
            }

            assertThat(recovered).extracting(ClaimedConversation::conversation).containsExactlyInAnyOrderElementsOf(written.values());
            assertThat(living.append(busy, Message.chat(CREATED_AT, "room again").from(REQUESTER), Duration.ofMinutes(5), ConversationLimits.defaults()))
                    .isEqualTo(AppendOutcome.APPENDED);
            assertThat(living.find(busy).orElseThrow().history()).extracting(Message::content).containsExactly("room again");
        }
    }

    private static long usedMemory(RedisClusterCommands<String, String> admin) {
        for (String line : admin.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("INFO memory has no used_memory");
    }
}

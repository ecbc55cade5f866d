package dev.parley.bootstrap.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Redis that stops answering (paused with SIGSTOP, longer than the command timeout) through the
 * service's own wiring: requests answer 503 within the timeout, the gate denies, and the service
 * serves again once Redis runs.
 */
class HungRedisTest {

    /** parley.redis.command-timeout is 2 s by default; two more for a busy machine. */
    private static final long ANSWER_WITHIN_MILLIS = 4_000;

    @Test
    void requestsAnswer503WithinTheCommandTimeoutWhileRedisIsPausedAndSucceedAfterwards() throws Exception {
        try (RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
                RunningParley parley = RunningParley.start(Map.of("parley.storage", "redis", "redis.uri", server.uri()))) {
            ApiClient api = parley.client();
            String create = "{\"thread_id\": \"%s\", \"guild_id\": \"987654321\", \"guild_name\": \"g\", \"requester\": \"123456789012345678\"}";
            assertThat(api.post("/conversations", create.formatted("1234567890")).status()).isEqualTo(201);

            server.pause();
            try {
                for (int i = 0; i < 4; i++) {
                    long start = System.nanoTime();
                    ApiClient.Reply reply = api.get("/conversations/1234567890");
                    assertThat(reply.status()).isEqualTo(503);
                    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(ANSWER_WITHIN_MILLIS);
                }
                long start = System.nanoTime();
                ApiClient.Reply decision = api.post("/channels/100/replies", "{\"avatar_id\": \"ada\", \"trigger_message_id\": \"5001\"}");
                assertThat(decision.json().get("reason").asText()).isEqualTo("storage_unavailable");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(ANSWER_WITHIN_MILLIS);
            } finally {
                server.resume();
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (api.get("/conversations/1234567890").status() != 200) {
                assertThat(System.nanoTime()).as("served again after the pause").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }
}

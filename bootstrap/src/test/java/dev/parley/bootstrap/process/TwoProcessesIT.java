package dev.parley.bootstrap.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.adapters.redis.testing.RedisServer;
import dev.parley.bootstrap.testing.PendingArchiving;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import dev.parley.domain.testing.Concurrently;

/**
 * Two Parley processes (the real jar) share one Redis; one is killed with SIGKILL during traffic.
 * Every conversation must end up archived exactly once, holding every message a client was told
 * was stored, and nothing twice.
 */
class TwoProcessesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_PATIENCE = Duration.ofSeconds(90);
    private static final Duration ARCHIVE_PATIENCE = Duration.ofSeconds(90);
    private static final int CONVERSATIONS = 20;
    /** Acknowledged appends the traffic must reach, however slow the machine, for the kill to land amid it. */
    private static final int MIN_TRAFFIC = 100;
    /** How long traffic may go on to reach {@link #MIN_TRAFFIC} on a slow machine. */
    private static final Duration TRAFFIC_PATIENCE = Duration.ofSeconds(60);
    /**
     * Longer than any thread can go without a message while traffic runs, so no conversation is
     * archived mid-traffic (an append to it would then answer 404); they all go idle once it stops.
     */
    private static final String IDLE_TIME = "10s";

    private final AtomicLong messageIds = new AtomicLong(1_300_000_000_000_000_000L);
    private ParleyProcesses parley;

    @AfterEach
    void stopEverything() throws IOException {
        if (parley != null) {
            parley.close();
        }
    }

    @Test
    void everyConversationIsArchivedOnceWithItsFullHistoryAfterOneInstanceIsKilled() throws Exception {
        parley = new ParleyProcesses("parley-two-processes");
        Path archive = parley.directory().resolve("archive");
        try (RedisUnderTest redis = redis()) {
            URI a = start("a", redis.arguments(), archive);
            URI b = start("b", redis.arguments(), archive);
            parley.awaitHealthy(a, START_PATIENCE);
            parley.awaitHealthy(b, START_PATIENCE);

            for (int i = 0; i < CONVERSATIONS; i++) {
                assertThat(parley.post(a, "/conversations", "{\"thread_id\": \"" + thread(i) + "\", \"guild_id\": \"987654321\","
                        + " \"guild_name\": \"g\", \"requester\": \"123456789012345678\"}").statusCode()).isEqualTo(201);
            }
            Map<String, List<String>> stored = new ConcurrentHashMap<>();
            AtomicBoolean aIsDead = new AtomicBoolean();
            AtomicInteger acknowledgedSoFar = new AtomicInteger();
            long trafficStart = System.nanoTime();
            long trafficEnd = trafficStart + Duration.ofSeconds(4).toNanos();
            long trafficDeadline = trafficStart + TRAFFIC_PATIENCE.toNanos();
            long killAt = trafficStart + Duration.ofMillis(1500).toNanos();

            Concurrently.run(5, client -> {
                if (client == 4) {
                    Thread.sleep(Math.max(0, (killAt - System.nanoTime()) / 1_000_000));
                    parley.kill("a"); // SIGKILL: no shutdown hook, no save
                    aIsDead.set(true);
                    return;
                }
                // At least 4 s, and on a slow machine until the traffic is big enough.
                while ((System.nanoTime() < trafficEnd || acknowledgedSoFar.get() < MIN_TRAFFIC)
                        && System.nanoTime() < trafficDeadline) {
                    String thread = thread(ThreadLocalRandom.current().nextInt(CONVERSATIONS));
                    long id = messageIds.incrementAndGet();
                    String content = "client " + client + " message " + id;
                    String body = "{\"message_type\": \"chat\", \"message_content\": \"" + content + "\","
                            + " \"meta\": {\"requester\": \"123456789012345678\"}, \"message_id\": \"" + id + "\"}";
                    URI first = ThreadLocalRandom.current().nextBoolean() && !aIsDead.get() ? a : b;
                    if (appendWithRetry(first, b, thread, body)) {
                        stored.computeIfAbsent(thread, t -> java.util.Collections.synchronizedList(new ArrayList<>())).add(content);
                        acknowledgedSoFar.incrementAndGet();
                    }
                }
            });
            int acknowledged = stored.values().stream().mapToInt(List::size).sum();
            assertThat(acknowledged).as("traffic reached the service").isGreaterThanOrEqualTo(MIN_TRAFFIC);

            JsonNode throughB = parley.get(b, "/conversations/" + thread(0));
            assertThat(throughB.at("/history").size()).isEqualTo(stored.getOrDefault(thread(0), List.of()).size());

            Map<String, List<JsonNode>> archivedByThread = awaitArchives(archive, redis);
            assertThat(archivedByThread).hasSize(CONVERSATIONS);
            for (Map.Entry<String, List<JsonNode>> entry : archivedByThread.entrySet()) {
                assertThat(entry.getValue()).as("files for thread %s", entry.getKey()).hasSize(1);
                List<String> history = new ArrayList<>();
                entry.getValue().getFirst().get("history").forEach(m -> history.add(m.get("message_content").asText()));
                assertThat(history).as("thread %s: nothing twice", entry.getKey()).doesNotHaveDuplicates();
                assertThat(history).as("thread %s: every acknowledged message, nothing else", entry.getKey())
                        .containsExactlyInAnyOrderElementsOf(stored.getOrDefault(entry.getKey(), List.of()));
            }
        }
    }

    /**
     * Appends through {@code first}; if it cannot answer (killed), through {@code fallback} with the
     * same message id, so an append the dead instance applied before dying is kept once.
     *
     * @return whether the service said the message is stored (appended now, or already there)
     */
    private boolean appendWithRetry(URI first, URI fallback, String thread, String body) throws InterruptedException {
        for (URI target : first.equals(fallback) ? List.of(fallback) : List.of(first, fallback)) {
            try {
                int status = parley.post(target, "/conversations/" + thread + "/messages", body).statusCode();
                if (status == 201 || status == 200) {
                    return true;
                }
                throw new AssertionError("append answered " + status);
            } catch (IOException unreachable) {
                // the instance is gone: try the other one
            }
        }
        return false;
    }

    /**
     * The archive once Redis holds nothing left to archive (no live conversation, no claim
     * unacknowledged, the killed instance's included): from then on no sweeper can write again.
     */
    private Map<String, List<JsonNode>> awaitArchives(Path archive, RedisUnderTest redis) throws Exception {
        long deadline = System.nanoTime() + ARCHIVE_PATIENCE.toNanos();
        long pending = -1;
        while (System.nanoTime() < deadline) {
            pending = redis.pending().getAsLong();
            if (pending == 0) {
                return readArchives(archive);
            }
            Thread.sleep(200);
        }
        throw new AssertionError(pending + " conversations still live or claimed after " + ARCHIVE_PATIENCE
                + "; archived so far: " + readArchives(archive).size() + " of " + CONVERSATIONS);
    }

    private static Map<String, List<JsonNode>> readArchives(Path archive) throws IOException {
        Map<String, List<JsonNode>> byThread = new HashMap<>();
        if (!Files.isDirectory(archive)) {
            return byThread;
        }
        try (Stream<Path> files = Files.list(archive)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().startsWith(".")).toList()) {
                JsonNode conversation = JSON.readTree(file.toFile());
                byThread.computeIfAbsent(conversation.get("thread_id").asText(), t -> new ArrayList<>()).add(conversation);
            }
        }
        return byThread;
    }

    /** The Redis both processes share, and the JVM arguments that point them at it. */
    record RedisUnderTest(List<String> arguments, java.util.function.LongSupplier pending, Runnable stop) implements AutoCloseable {

        @Override
        public void close() {
            stop.run();
        }
    }

    /** A single redis-server; {@link TwoProcessesOnClusterIT} runs the same test on a Redis Cluster. */
    RedisUnderTest redis() {
        RedisServer server = RedisServer.startLocal(RedisServer.Persistence.NONE, null);
        return new RedisUnderTest(List.of("-Dredis.uri=" + server.uri()), () -> PendingArchiving.count(server.uri(), "parley"), server::close);
    }

    private URI start(String name, List<String> redisArguments, Path archive) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-Dparley.storage=redis"));
        arguments.addAll(redisArguments);
        arguments.addAll(List.of("-Dparley.archive.directory=" + archive,
                "-Dparley.conversations.idle-time=" + IDLE_TIME, "-Dparley.conversations.sweep-interval=200ms",
                "-Dparley.conversations.claim-lease=3s"));
        return parley.start(name, arguments, Map.of());
    }

    private static String thread(int i) {
        return String.valueOf(7_000_000 + i);
    }
}

package dev.parley.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.parley.application.conversation.ConversationArchiving;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import dev.parley.bootstrap.http.TempArchive;
import dev.parley.bootstrap.testing.CapturedLogback;
import dev.parley.bootstrap.testing.UnsaveableThreadArchive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * One conversation whose every archive write runs out of memory, beside healthy ones, through the
 * running service: save all, the idle sweep and the shutdown save go on past it, report it per
 * conversation and in {@code /health}, and log it in one line without its contents.
 */
class FailureIsolationApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String BAD = "1001";
    /** How long a held sweep write lasts: far longer than a shutdown save of two small conversations. */
    private static final Duration HOLD = Duration.ofSeconds(2);
    private static final String SECRET = "nobody may read this in a log";

    @Test
    void saveAllReportsEachConversationAndHealthListsTheUnsavedOne() {
        try (CapturedLogback log = CapturedLogback.of(ConversationArchiving.class);
                CapturedLogback http = CapturedLogback.of("dev.parley.adapters.http.DomainErrorHandlers");
                RunningParley parley = RunningParley.start(Map.of(UnsaveableThreadArchive.PROPERTY, BAD))) {
            ApiClient api = parley.client();
            startThree(api);

            ApiClient.Reply all = api.post("/conversations/save", null);

            assertThat(all.status()).isEqualTo(200);
            JsonNode answer = all.json();
            assertThat(answer.get("saved").asInt()).isEqualTo(2);
            assertThat(answer.get("failed").asInt()).isEqualTo(1);
            assertThat(answer.at("/conversations/0/thread_id").asText()).isEqualTo(BAD);
            assertThat(answer.at("/conversations/0/saved").asBoolean()).isFalse();
            assertThat(answer.at("/conversations/0/problem").asText()).isEqualTo("out of memory (OutOfMemoryError)");
            assertThat(answer.at("/conversations/0/filename").isMissingNode()).isTrue();
            assertThat(answer.at("/conversations/1/saved").asBoolean()).isTrue();
            assertThat(answer.at("/conversations/2/filename").asText()).endsWith(".json");
            assertThat(TempArchive.files(parley.archive())).hasSize(2);
            assertThat(api.head("/conversations/" + BAD).status()).as("still live").isEqualTo(200);

            JsonNode health = api.get("/health").json();
            assertThat(health.at("/details/archive/details/unsaved_conversations").asInt()).isEqualTo(1);
            assertThat(health.at("/details/archive/details/unsaved_thread_ids/0").asText()).isEqualTo(BAD);

            ApiClient.Reply one = api.post("/conversations/" + BAD + "/save", null);
            assertThat(one.status()).as("a failed write, not a 500").isEqualTo(503);
            assertThat(one.errorCode()).isEqualTo("storage_unavailable");
            assertThat(one.json().get("message").asText()).contains("thread " + BAD + ": out of memory");
            assertThat(api.head("/conversations/" + BAD).status()).isEqualTo(200);

            assertThat(log.lines(Level.ERROR)).hasSize(2).allSatisfy(line -> assertThat(line).contains("thread " + BAD).doesNotContain(SECRET));
            assertThat(log.anyStackTrace()).isFalse();
            assertThat(http.lines(Level.WARN)).as("the failed save is logged once, by the save").isEmpty();
        }
    }

    @Test
    void theSweepArchivesTheOthersAndKeepsRetryingTheUnsaveableOneAndShutdownSavesWhatItCan() {
        try (CapturedLogback log = CapturedLogback.of(ConversationArchiving.class);
                RunningParley parley = RunningParley.start(Map.of(UnsaveableThreadArchive.PROPERTY, BAD,
                        "parley.conversations.idle-time", "1s", "parley.conversations.sweep-interval", "50ms",
                        "parley.conversations.claim-lease", "200ms"))) {
            ApiClient api = parley.client();
            for (String thread : List.of(BAD, "1002", "1003")) { // no message: one could come after the idle second
                assertThat(api.post("/conversations", create(thread)).status()).isEqualTo(201);
            }

            awaitUntil(() -> TempArchive.files(parley.archive()).size() == 2);
            awaitUntil(() -> log.lines(Level.ERROR).size() >= 3); // the first try and two retries, a lease apart

            assertThat(log.lines(Level.ERROR)).allSatisfy(line -> assertThat(line)
                    .startsWith("could not archive the idle conversation of thread " + BAD));
            JsonNode health = api.get("/health").json();
            assertThat(health.at("/details/archive/details/unsaved_conversations").asInt()).isEqualTo(1);
            // A retry of the unsaveable one is held under way while the late one arrives: the sweeper
            // cannot archive the late one before the shutdown, which must save it itself.
            awaitLatch(parley.context().getBean(UnsaveableThreadArchive.SweepHold.class).holdNextSweepWrite(HOLD));
            assertThat(api.post("/conversations", create("1004")).status()).isEqualTo(201);

            parley.stop();

            assertThat(TempArchive.files(parley.archive())).as("the late one saved at shutdown").hasSize(3);
            assertThat(log.lines(Level.ERROR).getLast()).matches("shutdown: 1 of 2 conversations could not be saved.*\\[" + BAD + "\\]");
            assertThat(log.anyStackTrace()).isFalse();
        }
    }

    @Test
    void aSweepUnderWayWhenTheShutdownBeginsEndsBeforeTheShutdownSaveSoItsConversationIsNamed() {
        try (CapturedLogback log = CapturedLogback.of(ConversationArchiving.class);
                RunningParley parley = RunningParley.start(Map.of(UnsaveableThreadArchive.PROPERTY, BAD,
                        "parley.conversations.idle-time", "1s", "parley.conversations.sweep-interval", "50ms",
                        "parley.conversations.claim-lease", "200ms"))) {
            ApiClient api = parley.client();
            // The first sweep of the unsaveable one has taken it out of live state and is held in its write.
            var holding = parley.context().getBean(UnsaveableThreadArchive.SweepHold.class).holdNextSweepWrite(HOLD);
            assertThat(api.post("/conversations", create(BAD)).status()).isEqualTo(201);
            awaitLatch(holding);
            assertThat(api.post("/conversations", create("1002")).status()).isEqualTo(201);

            parley.stop();

            // A shutdown save beside that sweep would find it neither live nor held for a retry.
            assertThat(TempArchive.files(parley.archive())).hasSize(1);
            assertThat(log.lines(Level.ERROR).getLast()).matches("shutdown: 1 of 2 conversations could not be saved.*\\[" + BAD + "\\]");
            assertThat(log.anyStackTrace()).isFalse();
        }
    }

    private static void awaitLatch(java.util.concurrent.CountDownLatch latch) {
        try {
            assertThat(latch.await(PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).as("sweeper write held").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void startThree(ApiClient api) {
        for (String thread : List.of(BAD, "1002", "1003")) {
            assertThat(api.post("/conversations", create(thread)).status()).isEqualTo(201);
            assertThat(api.post("/conversations/" + thread + "/messages",
                    "{\"message_type\": \"chat\", \"message_content\": \"" + SECRET + "\"}").status()).isEqualTo(201);
        }
    }

    private static String create(String thread) {
        return "{\"thread_id\": \"" + thread + "\", \"guild_id\": \"987654321\", \"guild_name\": \"g\","
                + " \"requester\": \"12345678901234567" + thread.charAt(3) + "\"}";
    }

    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

package dev.parley.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.domain.testing.Concurrently;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake server's own behaviour, which other modules' tests and the benchmarks rely on. */
class FakeOpenAiTest {

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final OpenAiLanguageModel model = new OpenAiLanguageModel(OpenAiOptions.of(fake.baseUrl(), "k", "m"));

    @AfterEach
    void stop() {
        model.close();
        fake.close();
    }

    @Test
    void queuedResponsesAnswerInOrderThenTheResponderTakesOver() {
        fake.enqueue(FakeResponse.text("one"), FakeResponse.text("two"));
        fake.respondWith(request -> FakeResponse.text("echo " + request.lastUserText()));

        assertThat(model.complete(Prompts.simple()).text()).isEqualTo("one");
        assertThat(model.complete(Prompts.simple()).text()).isEqualTo("two");
        assertThat(model.complete(Prompts.simple()).text()).isEqualTo("echo Bob: " + Prompts.USER_TEXT);
        assertThat(fake.callCount()).isEqualTo(3);
        assertThat(fake.requests()).hasSize(3);
    }

    @Test
    void byDefaultEveryRequestIsAnsweredOk() {
        assertThat(model.complete(Prompts.simple()).text()).isEqualTo("ok");
        assertThat(fake.lastRequest().systemText()).isEqualTo(Prompts.SYSTEM);
    }

    @Test
    void resetForgetsEverything() {
        fake.enqueue(FakeResponse.text("queued"));
        fake.respondWith(FakeResponse.text("custom"));
        model.complete(Prompts.simple());

        fake.reset();

        assertThat(fake.callCount()).isZero();
        assertThat(fake.requests()).isEmpty();
        assertThatThrownBy(fake::lastRequest).isInstanceOf(IllegalStateException.class);
        assertThat(model.complete(Prompts.simple()).text()).isEqualTo("ok");
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/models")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
        }
        assertThat(fake.callCount()).isZero();
    }

    @Test
    void awaitingCallsTimesOutWhenTheyDoNotCome() throws InterruptedException {
        assertThat(fake.awaitCalls(1, Duration.ofMillis(50))).isFalse();
    }

    /** A benchmark drives thousands of calls: without recording, the fake counts them and keeps nothing. */
    @Test
    void withoutRecordingManyConcurrentCallsAreCountedAndNotKept() throws Exception {
        fake.recordingRequests(false);
        AtomicInteger replies = new AtomicInteger();

        Concurrently.run(8, worker -> {
            for (int i = 0; i < 250; i++) {
                if (model.complete(Prompts.simple()).text().equals("ok")) {
                    replies.incrementAndGet();
                }
            }
        });

        assertThat(replies).hasValue(2000);
        assertThat(fake.callCount()).isEqualTo(2000);
        assertThat(fake.requests()).isEmpty();
    }
}

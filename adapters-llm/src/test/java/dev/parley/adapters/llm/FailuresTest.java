package dev.parley.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.domain.llm.ModelCallException;
import dev.parley.domain.llm.ModelCallException.Kind;
import dev.parley.domain.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries on 429, 5xx and lost connections, honouring Retry-After; other 4xx and bad answers fail at once. */
class FailuresTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final MutableClock clock = new MutableClock(NOW);
    private OpenAiLanguageModel model = model(options());

    private OpenAiOptions options() {
        return OpenAiOptions.of(fake.baseUrl(), "sk-test-key", "m").withRetryDelay(Duration.ofMillis(20)).withTimeout(Duration.ofSeconds(10));
    }

    private OpenAiLanguageModel model(OpenAiOptions options) {
        return new OpenAiLanguageModel(options, clock);
    }

    @AfterEach
    void stop() {
        model.close();
        fake.close();
    }

    private ModelCallException failure() {
        return catchThrowableOfType(ModelCallException.class, () -> model.complete(Prompts.simple()));
    }

    @Test
    void a429ThenSuccessWaitsAsRetryAfterSays() {
        fake.enqueue(FakeResponse.status(429).withRetryAfter("1"), FakeResponse.text("finally"));

        assertThat(model.complete(Prompts.simple()).text()).isEqualTo("finally");

        assertThat(fake.callCount()).isEqualTo(2);
        assertThat(fake.requests().get(1).since(fake.requests().get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryAfterMillisecondsIsHonouredToo() {
        fake.enqueue(FakeResponse.status(429).withHeader("retry-after-ms", "300").withRetryAfter("9"), FakeResponse.text("ok"));

        model.complete(Prompts.simple());

        assertThat(fake.requests().get(1).since(fake.requests().get(0))).isBetween(Duration.ofMillis(300), Duration.ofSeconds(9));
    }

    @Test
    void without429sRetryAfterTheRetryDelayDoubles() {
        model.close();
        model = model(options().withRetryDelay(Duration.ofMillis(200)));
        fake.enqueue(FakeResponse.status(502), FakeResponse.status(503), FakeResponse.text("ok"));

        assertThat(model.complete(Prompts.simple()).text()).isEqualTo("ok");

        assertThat(fake.requests().get(1).since(fake.requests().get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(fake.requests().get(2).since(fake.requests().get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void serverErrorsExhaustTheTwoRetries() {
        fake.respondWith(FakeResponse.status(500));

        ModelCallException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("UNAVAILABLE: the provider answered HTTP 500 [host 127.0.0.1:" + fake.port() + ", 3 attempts, ");
        assertThat(fake.callCount()).isEqualTo(3);
    }

    @Test
    void rateLimitsExhaustTheRetriesAndPassTheLastRetryAfterOn() {
        fake.respondWith(FakeResponse.status(429).withRetryAfter("0"));

        ModelCallException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ZERO);
        assertThat(fake.callCount()).isEqualTo(3);
    }

    @Test
    void retriesAreConfigurable() {
        model.close();
        model = model(options().withMaxRetries(0));
        fake.respondWith(FakeResponse.status(503));

        assertThat(failure().kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void aBadKeyIsRejectedAtOnce() {
        fake.respondWith(FakeResponse.status(401));

        ModelCallException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).startsWith("REJECTED: the provider answered HTTP 401 [host 127.0.0.1:" + fake.port() + ", 1 attempt, ");
        assertThat(e.retryAfter()).isEmpty();
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void otherClientErrorsAreRejectedAtOnce() {
        for (int status : new int[] {400, 403, 404, 408, 422}) {
            fake.reset();
            fake.respondWith(FakeResponse.status(status));

            ModelCallException e = failure();

            assertThat(e.kind()).as("HTTP %d", status).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).contains("HTTP " + status);
            assertThat(fake.callCount()).isEqualTo(1);
        }
    }

    @Test
    void aRetryAfterBeyondTheTimeoutIsNotWaitedFor() {
        fake.respondWith(FakeResponse.status(429).withRetryAfter("120"));
        long start = System.nanoTime();

        ModelCallException e = failure();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(e.getMessage()).contains("the next try (in 120000 ms) would end after the 10000 ms timeout");
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void aRetryAfterDateIsReadAgainstTheClock() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(120).atOffset(ZoneOffset.UTC));
        fake.respondWith(FakeResponse.status(503).withRetryAfter(inTwoMinutes));

        ModelCallException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void anUnreadableRetryAfterFallsBackToTheRetryDelay() {
        fake.enqueue(FakeResponse.status(429).withRetryAfter("soon"), FakeResponse.text("ok"));

        assertThat(model.complete(Prompts.simple()).text()).isEqualTo("ok");
    }

    @Test
    void aRefusedConnectionIsRetriedThenUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        model.close();
        model = model(OpenAiOptions.of("http://127.0.0.1:" + closedPort + "/v1", "sk-test-key", "m").withRetryDelay(Duration.ofMillis(10)));

        ModelCallException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("UNAVAILABLE: cannot reach the provider (ConnectException) [host 127.0.0.1:" + closedPort
                + ", 3 attempts, ");
    }

    @Test
    void aSuccessThatIsNoChatCompletionIsUnavailableWithoutRetry() {
        fake.respondWith(FakeResponse.raw(200, "{\"choices\":[]}"));

        ModelCallException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("UNAVAILABLE: the provider's answer could not be read");
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void aBodyThatIsNotJsonIsUnavailableWithoutRetry() {
        fake.respondWith(FakeResponse.raw(200, "<html>gateway</html>"));

        assertThat(failure().kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void aClosedModelFailsWithoutCalling() {
        model.close();

        ModelCallException e = failure();

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("UNAVAILABLE: the model adapter is closed");
        assertThat(fake.callCount()).isZero();
        assertThat(e.retryAfter()).isEqualTo(Optional.empty());
    }
}

package dev.parley.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.domain.llm.ModelCallException;
import dev.parley.domain.llm.ModelCallException.Kind;
import dev.parley.domain.llm.ModelReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The timeout bounds the whole call; at most max-concurrent calls are in flight, the others wait for a slot. */
class TimeoutsAndConcurrencyTest {

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<OpenAiLanguageModel> models = new ArrayList<>();

    private OpenAiLanguageModel model(OpenAiOptions options) {
        OpenAiLanguageModel model = new OpenAiLanguageModel(options);
        models.add(model);
        return model;
    }

    private OpenAiOptions options() {
        return OpenAiOptions.of(fake.baseUrl(), "sk-test-key", "m");
    }

    @AfterEach
    void stop() {
        release.countDown();
        models.forEach(OpenAiLanguageModel::close);
        fake.close();
    }

    @Test
    void aReplyLaterThanTheTimeoutFailsWithTimeoutInTime() {
        OpenAiLanguageModel model = model(options().withTimeout(Duration.ofMillis(400)));
        fake.respondWith(FakeResponse.text("too late").heldUntil(release));
        long start = System.nanoTime();

        ModelCallException e = catchThrowableOfType(ModelCallException.class, () -> model.complete(Prompts.simple()));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).startsWith("TIMEOUT: no reply within the 400 ms timeout [host 127.0.0.1:" + fake.port() + ", 1 attempt, ");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theTimeoutCoversRetriesAndTheirPauses() {
        OpenAiLanguageModel model = model(options().withTimeout(Duration.ofMillis(800)).withRetryDelay(Duration.ofMillis(100)));
        fake.enqueue(FakeResponse.status(503));
        fake.respondWith(FakeResponse.text("too late").heldUntil(release));
        long start = System.nanoTime();

        ModelCallException e = catchThrowableOfType(ModelCallException.class, () -> model.complete(Prompts.simple()));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("2 attempts");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(800)).isLessThan(Duration.ofSeconds(5));
        assertThat(fake.callCount()).isEqualTo(2);
    }

    @Test
    void theNinthCallerWaitsForASlotAndGoesOnceOneIsFree() throws Exception {
        OpenAiLanguageModel model = model(options().withTimeout(Duration.ofSeconds(30)));
        CountDownLatch firstRelease = new CountDownLatch(1);
        fake.enqueue(FakeResponse.text("first").heldUntil(firstRelease));
        fake.respondWith(FakeResponse.text("later").heldUntil(release));
        List<CompletableFuture<ModelReply>> calls = new ArrayList<>();
        Thread[] callers = new Thread[9];
        for (int i = 0; i < 8; i++) {
            CompletableFuture<ModelReply> call = new CompletableFuture<>();
            calls.add(call);
            callers[i] = Thread.ofPlatform().name("caller-" + i).start(() -> complete(model, call));
            if (i == 0) {
                assertThat(fake.awaitCalls(1, Duration.ofSeconds(10))).isTrue(); // the first call holds "first"
            }
        }
        assertThat(fake.awaitCalls(8, Duration.ofSeconds(10))).as("eight calls in flight").isTrue();

        CompletableFuture<ModelReply> ninth = new CompletableFuture<>();
        callers[8] = Thread.ofPlatform().name("caller-8").start(() -> complete(model, ninth));
        awaitWaitingForASlot(callers[8]);
        assertThat(fake.callCount()).as("the ninth has not been sent").isEqualTo(8);

        firstRelease.countDown();
        assertThat(calls.getFirst().get(10, TimeUnit.SECONDS).text()).isEqualTo("first");
        assertThat(fake.awaitCalls(9, Duration.ofSeconds(10))).as("the ninth goes once a slot is free").isTrue();

        release.countDown();
        assertThat(ninth.get(10, TimeUnit.SECONDS).text()).isEqualTo("later");
        for (CompletableFuture<ModelReply> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS).text()).isIn("first", "later");
        }
    }

    /**
     * With every call under the same timeout, a waiter always gets the slot just before its own
     * deadline (the holder's ends first); what matters is that its wait counts against its
     * timeout and that it is sent only once the holder let go.
     */
    @Test
    void theWaitForASlotCountsAgainstTheTimeout() throws Exception {
        OpenAiLanguageModel model = model(options().withMaxConcurrent(1).withTimeout(Duration.ofMillis(600)));
        fake.respondWith(FakeResponse.text("held").heldUntil(release));
        CompletableFuture<ModelReply> first = new CompletableFuture<>();
        long holderStart = System.nanoTime();
        Thread.ofPlatform().start(() -> complete(model, first));
        assertThat(fake.awaitCalls(1, Duration.ofSeconds(10))).isTrue();
        long start = System.nanoTime();

        ModelCallException e = catchThrowableOfType(ModelCallException.class, () -> model.complete(Prompts.simple()));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("one timeout, not a wait plus a timeout")
                .isLessThan(Duration.ofMillis(1150));
        assertThat(first).failsWithin(Duration.ofSeconds(5));
        if (fake.callCount() == 2) {
            // The holder's timeout runs from its own start, a little before its request arrived.
            assertThat(Duration.ofNanos(fake.requests().get(1).arrivalNanos() - holderStart)).as("sent only after the holder's timeout")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    @Test
    void aSlotIsGivenBackWhenACallFails() {
        OpenAiLanguageModel model = model(options().withMaxConcurrent(1).withMaxRetries(0));
        fake.enqueue(FakeResponse.status(500), FakeResponse.status(401));

        catchThrowableOfType(ModelCallException.class, () -> model.complete(Prompts.simple()));
        catchThrowableOfType(ModelCallException.class, () -> model.complete(Prompts.simple()));

        assertThat(model.complete(Prompts.simple()).text()).isEqualTo("ok");
    }

    private static void complete(OpenAiLanguageModel model, CompletableFuture<ModelReply> into) {
        try {
            into.complete(model.complete(Prompts.simple()));
        } catch (RuntimeException e) {
            into.completeExceptionally(e);
        }
    }

    /** Polls (10 s at most) until {@code caller} is parked in the slot semaphore. */
    private static void awaitWaitingForASlot(Thread caller) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            boolean inSemaphore = Arrays.stream(caller.getStackTrace())
                    .anyMatch(frame -> frame.getClassName().equals("java.util.concurrent.Semaphore"));
            if (caller.getState() == Thread.State.TIMED_WAITING && inSemaphore) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the ninth caller never waited for a slot; it is " + caller.getState());
    }
}

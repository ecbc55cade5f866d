package dev.parley.adapters.llm;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.llm.ModelCallException;
import dev.parley.domain.llm.ModelCallException.Kind;
import dev.parley.domain.llm.ModelReply;
import dev.parley.domain.llm.ModelRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link LanguageModel} over an OpenAI-compatible chat completions API (OpenAI, OpenRouter,
 * Ollama, vLLM, llama.cpp's server), through LangChain4j's {@code OpenAiChatModel} on the JDK
 * {@code HttpClient}.
 *
 * <p>One {@link #complete} call:
 * <ol>
 *   <li>waits for one of {@link OpenAiOptions#maxConcurrent()} slots, kept through its retries;</li>
 *   <li>sends the request; a 429, a 5xx or a connection failure is retried up to
 *       {@link OpenAiOptions#maxRetries()} times, after the provider's {@code Retry-After} (or
 *       {@code retry-after-ms}) or else {@link OpenAiOptions#retryDelay()}, doubled each time; any
 *       other 4xx fails at once as {@code REJECTED};</li>
 *   <li>all of it within {@link OpenAiOptions#timeout()}: a slot not free in time, an answer not
 *       back in time, fail as {@code TIMEOUT}; a {@code Retry-After} reaching past the timeout is
 *       not waited for, the call fails at once with the provider's kind and that wait as its
 *       {@code retryAfter}.</li>
 * </ol>
 * LangChain4j's own retries are off. Reasoning the provider returns in {@code reasoning_content}
 * or {@code reasoning} (vLLM) comes back in {@link ModelReply#reasoning()}; reasoning written in
 * the text ({@code <think>}) stays in the text for the responder to take out.
 *
 * <p>A failure throws {@link ModelCallException} whose message names the kind, the HTTP status and
 * the provider's host, never the prompt, the reply or the key; each failed call logs one WARNING
 * line with that message. Nothing is logged for a successful call.
 *
 * <pre>{@code
 * try (OpenAiLanguageModel model = new OpenAiLanguageModel(OpenAiOptions.of("http://localhost:11434/v1", null, "llama3.1"))) {
 *     ModelReply reply = model.complete(request);
 * }
 * }</pre>
 */
public final class OpenAiLanguageModel implements LanguageModel, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OpenAiLanguageModel.class.getName());

    private final OpenAiOptions options;
    private final Clock clock;
    private final StatusKeepingHttpClient.Builder httpClientBuilder;
    private final ChatModel chat;
    private final Semaphore slots;
    private final ExecutorService attempts;

    public OpenAiLanguageModel(OpenAiOptions options) {
        this(options, Clock.systemUTC());
    }

    /** With {@code clock} to read {@code Retry-After} dates against (tests move it). */
    OpenAiLanguageModel(OpenAiOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        HttpClient.Builder jdk = HttpClient.newBuilder();
        if ("http".equalsIgnoreCase(options.baseUrl().getScheme())) {
            // No h2c upgrade over plain HTTP: local servers (llama.cpp, uvicorn) speak HTTP/1.1.
            jdk.version(HttpClient.Version.HTTP_1_1);
        }
        this.httpClientBuilder = new StatusKeepingHttpClient.Builder(jdk);
        this.chat = OpenAiChatModel.builder()
                .httpClientBuilder(JdkHttpClient.builder().httpClientBuilder(httpClientBuilder))
                .baseUrl(options.baseUrl().toString())
                .apiKey(options.apiKey().orElse(null))
                .modelName(options.defaultModel())
                .timeout(options.timeout())
                .maxRetries(0)
                .returnThinking(true)
                .logRequests(false)
                .logResponses(false)
                .build();
        this.slots = new Semaphore(options.maxConcurrent(), true);
        this.attempts = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parley-llm-call-", 0).factory());
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        Objects.requireNonNull(request, "request == null");
        ChatRequest chatRequest = PromptMapping.toChatRequest(request, options.defaultModel());
        Call call = new Call(System.nanoTime());
        try {
            return call.run(chatRequest);
        } catch (ModelCallException e) {
            LOG.log(System.Logger.Level.WARNING, "Language model call failed: {0}", e.getMessage());
            throw e;
        }
    }

    /** Stops the threads and connections of this model; calls in flight fail. */
    @Override
    public void close() {
        attempts.shutdownNow();
        httpClientBuilder.built().ifPresent(HttpClient::shutdownNow);
    }

    @Override
    public String toString() {
        return "OpenAiLanguageModel[" + options + "]";
    }

    /** What went wrong with one attempt, and whether another could succeed. */
    private record Failure(Kind kind, String reason, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
    }

    /** One {@link #complete} call: its deadline and its attempts. */
    private final class Call {

        private final long started;
        private final long deadline;
        private int attempt;

        Call(long started) {
            this.started = started;
            this.deadline = started + options.timeout().toNanos();
        }

        ModelReply run(ChatRequest request) {
            try {
                if (!slots.tryAcquire(remainingNanos(), TimeUnit.NANOSECONDS)) {
                    throw failure(Kind.TIMEOUT, "no free call slot within the " + options.timeout().toMillis()
                            + " ms timeout (max-concurrent " + options.maxConcurrent() + ")", Optional.empty(), null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(Kind.UNAVAILABLE, "interrupted while waiting for a call slot", Optional.empty(), e);
            }
            try {
                return attempts(request);
            } finally {
                slots.release();
            }
        }

        private ModelReply attempts(ChatRequest request) {
            while (true) {
                attempt++;
                Future<ChatResponse> sent;
                try {
                    sent = attempts.submit(() -> chat.chat(request));
                } catch (RejectedExecutionException e) {
                    throw failure(Kind.UNAVAILABLE, "the model adapter is closed", Optional.empty(), null);
                }
                Failure failure;
                try {
                    return PromptMapping.toModelReply(sent.get(Math.max(0, remainingNanos()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    sent.cancel(true);
                    throw failure(Kind.TIMEOUT, "no reply within the " + options.timeout().toMillis() + " ms timeout", Optional.empty(), null);
                } catch (InterruptedException e) {
                    sent.cancel(true);
                    Thread.currentThread().interrupt();
                    throw failure(Kind.UNAVAILABLE, "interrupted while waiting for the reply", Optional.empty(), e);
                } catch (ExecutionException e) {
                    failure = classify(e.getCause());
                }
                if (!failure.retryable() || attempt > options.maxRetries()) {
                    throw exception(failure);
                }
                Duration pause = failure.retryAfter().orElse(options.retryDelay().multipliedBy(1L << (attempt - 1)));
                if (pause.toNanos() >= remainingNanos()) {
                    throw exception(new Failure(failure.kind(), failure.reason() + "; the next try (in " + pause.toMillis()
                            + " ms) would end after the " + options.timeout().toMillis() + " ms timeout",
                            false, Optional.of(pause), failure.cause()));
                }
                pauseFor(pause);
            }
        }

        private void pauseFor(Duration pause) {
            try {
                TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure(Kind.UNAVAILABLE, "interrupted while pausing before a retry", Optional.empty(), e);
            }
        }

        private long remainingNanos() {
            return deadline - System.nanoTime();
        }

        private Failure classify(Throwable thrown) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ProviderStatusException answer) {
                    return statusFailure(answer.status(), RetryAfter.of(answer, clock), thrown);
                }
                if (t instanceof HttpException http) {
                    return statusFailure(http.statusCode(), Optional.empty(), thrown);
                }
                if (t instanceof HttpTimeoutException || t instanceof dev.langchain4j.exception.TimeoutException) {
                    return new Failure(Kind.TIMEOUT, "no reply within the " + options.timeout().toMillis() + " ms timeout",
                            false, Optional.empty(), thrown);
                }
                if (t instanceof ContentFilteredException) {
                    return new Failure(Kind.REJECTED, "the provider refused to answer (content filter)", false,
                            Optional.empty(), thrown);
                }
                if (t instanceof JacksonException) {
                    break;
                }
                if (t instanceof IOException || t instanceof UnresolvedAddressException || t instanceof UnresolvedModelServerException) {
                    return new Failure(Kind.UNAVAILABLE, "cannot reach the provider (" + t.getClass().getSimpleName() + ")", true,
                            Optional.empty(), thrown);
                }
            }
            // A 200 whose body is not a chat completion (no choices, not JSON): asking again will not help.
            return new Failure(Kind.UNAVAILABLE, "the provider's answer could not be read (" + rootCause(thrown).getClass().getSimpleName() + ")",
                    false, Optional.empty(), thrown);
        }

        private Failure statusFailure(int status, Optional<Duration> retryAfter, Throwable thrown) {
            if (status == 429) {
                return new Failure(Kind.RATE_LIMITED, "the provider answered HTTP 429", true, retryAfter, thrown);
            }
            if (status >= 500 && status <= 599) {
                return new Failure(Kind.UNAVAILABLE, "the provider answered HTTP " + status, true, retryAfter, thrown);
            }
            if (status >= 400 && status <= 499) {
                return new Failure(Kind.REJECTED, "the provider answered HTTP " + status, false, Optional.empty(), thrown);
            }
            return new Failure(Kind.UNAVAILABLE, "the provider answered HTTP " + status, false, Optional.empty(), thrown);
        }

        private ModelCallException failure(Kind kind, String reason, Optional<Duration> retryAfter, Throwable cause) {
            return exception(new Failure(kind, reason, false, retryAfter, cause));
        }

        private ModelCallException exception(Failure failure) {
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            String message = failure.kind() + ": " + failure.reason() + " [host " + options.host() + ", "
                    + attempt + (attempt == 1 ? " attempt, " : " attempts, ") + elapsedMillis + " ms]";
            return new ModelCallException(failure.kind(), message, failure.retryAfter(), safeCause(failure.cause()));
        }
    }

    /**
     * The cause kept on the exception, for its type and stack trace: LangChain4j's exceptions carry
     * the provider's error body in their message, which may echo the prompt, so those are replaced
     * by a cause that names only their type.
     */
    private static Throwable rootCause(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static Throwable safeCause(Throwable cause) {
        if (cause == null) {
            return null;
        }
        Throwable root = rootCause(cause);
        return new Unexplained(cause.getClass().getName() + (root != cause ? " caused by " + root.getClass().getName() : ""),
                cause.getStackTrace());
    }

    /** A failure's type and stack trace without its message. */
    static final class Unexplained extends Exception {

        Unexplained(String types, StackTraceElement[] stackTrace) {
            super(types);
            setStackTrace(stackTrace);
        }
    }
}

package dev.parley.adapters.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A fake OpenAI-compatible server for tests and benchmarks: the JDK's {@link HttpServer} on
 * 127.0.0.1 at an ephemeral port, answering {@code POST /v1/chat/completions} with real chat
 * completion JSON, so the real client (LangChain4j over HTTP) is exercised end to end.
 *
 * <p>Each request is answered by the next {@linkplain #enqueue queued} response, or, when the queue
 * is empty, by the {@linkplain #respondWith responder} (by default {@code FakeResponse.text("ok")}).
 * Every request is counted and, unless {@linkplain #recordingRequests(boolean) turned off} for a
 * benchmark, recorded for assertions. Requests are handled on virtual threads: a delayed or held
 * answer holds no platform thread, and a zero-latency fake serves as fast as the client asks.
 *
 * <pre>{@code
 * try (FakeOpenAi fake = FakeOpenAi.start()) {
 *     fake.enqueue(FakeResponse.status(429).withRetryAfter("1"), FakeResponse.text("Hello!"));
 *     LanguageModel model = new OpenAiLanguageModel(OpenAiOptions.of(fake.baseUrl(), "sk-test", "fake-model"));
 *     model.complete(request);
 *     assertThat(fake.callCount()).isEqualTo(2);
 *     assertThat(fake.lastRequest().lastUserText()).isEqualTo("Bob: hi");
 * }
 * }</pre>
 */
public final class FakeOpenAi implements AutoCloseable {

    /** The path the fake answers; every other path gets a 404. */
    public static final String PATH = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LONGEST_HOLD = Duration.ofMinutes(1);

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ConcurrentLinkedQueue<FakeResponse> queue = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> recorded = Collections.synchronizedList(new ArrayList<>());
    private final Object calls = new Object();
    private volatile Function<RecordedRequest, FakeResponse> responder;
    private volatile boolean recording = true;
    private int callCount;

    private FakeOpenAi(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
        respondWith(request -> FakeResponse.text("ok"));
    }

    /** Starts a fake on 127.0.0.1 at a free port. */
    public static FakeOpenAi start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake OpenAI server", e);
        }
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fake-openai-", 0).factory());
        FakeOpenAi fake = new FakeOpenAi(server, handlers);
        server.createContext("/", fake::handle);
        server.setExecutor(handlers);
        server.start();
        return fake;
    }

    /** {@code http://127.0.0.1:<port>/v1}, the base URL a client is given. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Queues answers for the next requests, in order, each used once. */
    public FakeOpenAi enqueue(FakeResponse... responses) {
        for (FakeResponse response : responses) {
            queue.add(Objects.requireNonNull(response, "response == null"));
        }
        return this;
    }

    /** How requests are answered once the queue is empty: {@code responder} sees each request. */
    public FakeOpenAi respondWith(Function<RecordedRequest, FakeResponse> responder) {
        this.responder = Objects.requireNonNull(responder, "responder == null");
        return this;
    }

    /** Answers every request (once the queue is empty) with {@code response}. */
    public FakeOpenAi respondWith(FakeResponse response) {
        Objects.requireNonNull(response, "response == null");
        return respondWith(request -> response);
    }

    /** Whether requests are kept for {@link #requests()}; a benchmark turns it off. Counting goes on. */
    public FakeOpenAi recordingRequests(boolean on) {
        this.recording = on;
        return this;
    }

    /** Every request received so far (while recording), in order of arrival. */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** The last request received (while recording). */
    public RecordedRequest lastRequest() {
        synchronized (recorded) {
            if (recorded.isEmpty()) {
                throw new IllegalStateException("the fake OpenAI server has received no request");
            }
            return recorded.getLast();
        }
    }

    /** How many chat completion requests arrived, recorded or not. */
    public int callCount() {
        synchronized (calls) {
            return callCount;
        }
    }

    /** Waits until at least {@code count} requests arrived; false if {@code timeout} passed first. */
    public boolean awaitCalls(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (callCount < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(calls, left);
            }
            return true;
        }
    }

    /** Forgets the queue, the recorded requests and the count; the responder goes back to {@code "ok"}. */
    public void reset() {
        queue.clear();
        recorded.clear();
        synchronized (calls) {
            callCount = 0;
        }
        respondWith(request -> FakeResponse.text("ok"));
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrival = System.nanoTime();
            byte[] body = readAll(exchange.getRequestBody());
            if (!exchange.getRequestURI().getPath().equals(PATH) || !exchange.getRequestMethod().equals("POST")) {
                send(exchange, 404, "{\"error\":{\"message\":\"not found\"}}".getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            RecordedRequest request = parse(exchange, body, arrival);
            if (recording) {
                recorded.add(request);
            }
            synchronized (calls) {
                callCount++;
                calls.notifyAll();
            }
            FakeResponse next = queue.poll();
            FakeResponse response = next != null ? next : responder.apply(request);
            if (!response.delay().isZero()) {
                Thread.sleep(response.delay());
            }
            if (response.latch().isPresent()) {
                response.latch().get().await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            }
            send(exchange, response.statusCode(), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (timed out, closed): nothing to answer.
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static RecordedRequest parse(HttpExchange exchange, byte[] body, long arrival) {
        String text = new String(body, StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            return new RecordedRequest("", OptionalDouble.empty(), OptionalInt.empty(), List.of(), List.of(), headers, text, arrival);
        }
        List<RecordedRequest.Message> messages = new ArrayList<>();
        for (JsonNode message : root.path("messages")) {
            List<RecordedRequest.ToolCall> toolCalls = new ArrayList<>();
            for (JsonNode call : message.path("tool_calls")) {
                toolCalls.add(new RecordedRequest.ToolCall(call.path("id").asText(), call.path("function").path("name").asText(),
                        call.path("function").path("arguments").asText()));
            }
            Optional<String> toolCallId = message.hasNonNull("tool_call_id") ? Optional.of(message.get("tool_call_id").asText()) : Optional.empty();
            messages.add(new RecordedRequest.Message(message.path("role").asText(), content(message.path("content")), toolCalls, toolCallId));
        }
        List<RecordedRequest.Tool> tools = new ArrayList<>();
        for (JsonNode tool : root.path("tools")) {
            JsonNode function = tool.path("function");
            tools.add(new RecordedRequest.Tool(function.path("name").asText(), function.path("description").asText(),
                    function.path("parameters").toString()));
        }
        OptionalDouble temperature = root.hasNonNull("temperature") ? OptionalDouble.of(root.get("temperature").asDouble()) : OptionalDouble.empty();
        JsonNode max = root.hasNonNull("max_tokens") ? root.get("max_tokens") : root.get("max_completion_tokens");
        OptionalInt maxTokens = max != null && !max.isNull() ? OptionalInt.of(max.asInt()) : OptionalInt.empty();
        return new RecordedRequest(root.path("model").asText(), temperature, maxTokens, messages, tools, headers, text, arrival);
    }

    /** A message's content: a string, or the text parts of a list of parts joined. */
    private static String content(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("type").asText().equals("text")) {
                text.append(part.path("text").asText());
            }
        }
        return text.toString();
    }
}

package dev.parley.adapters.llm.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * One scripted answer of {@link FakeOpenAi}: a chat completion (text, {@code reasoning_content},
 * {@code reasoning}, tool calls, token usage) or an error status with its headers, optionally sent
 * after a delay or held until a latch opens. Immutable: each {@code with…} returns a copy, and one
 * response may answer any number of requests.
 *
 * <pre>{@code
 * FakeResponse.text("Hello!").withReasoningContent("They greet me.").withUsage(12, 3)
 * FakeResponse.status(429).withRetryAfter("1")
 * FakeResponse.toolCall("call_1", "summon_avatar", "{\"name\":\"Bob\"}")
 * }</pre>
 */
public final class FakeResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One tool call in a completion. */
    public record ToolCall(String id, String name, String argumentsJson) {
        public ToolCall {
            Objects.requireNonNull(id, "id == null");
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(argumentsJson, "argumentsJson == null");
        }
    }

    private final int status;
    private final String content;
    private final String reasoningContent;
    private final String reasoning;
    private final List<ToolCall> toolCalls;
    private final long promptTokens;
    private final long completionTokens;
    private final Map<String, String> headers;
    private final String rawBody;
    private final Duration delay;
    private final CountDownLatch heldUntil;
    private final byte[] body;

    private FakeResponse(int status, String content, String reasoningContent, String reasoning, List<ToolCall> toolCalls,
                         long promptTokens, long completionTokens, Map<String, String> headers, String rawBody, Duration delay,
                         CountDownLatch heldUntil) {
        this.status = status;
        this.content = content;
        this.reasoningContent = reasoningContent;
        this.reasoning = reasoning;
        this.toolCalls = List.copyOf(toolCalls);
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
        this.headers = Map.copyOf(headers);
        this.rawBody = rawBody;
        this.delay = delay;
        this.heldUntil = heldUntil;
        this.body = (rawBody != null ? rawBody : status / 100 == 2 ? completion() : error()).getBytes(StandardCharsets.UTF_8);
    }

    /** A completion whose message says {@code content}. */
    public static FakeResponse text(String content) {
        return new FakeResponse(200, Objects.requireNonNull(content, "content == null"), null, null, List.of(), 0, 0, Map.of(), null,
                Duration.ZERO, null);
    }

    /** A completion with no text that calls one tool; {@code argumentsJson} is sent as the API does, a JSON string. */
    public static FakeResponse toolCall(String id, String name, String argumentsJson) {
        return new FakeResponse(200, null, null, null, List.of(new ToolCall(id, name, argumentsJson)), 0, 0, Map.of(), null,
                Duration.ZERO, null);
    }

    /** An error answer with {@code status} and an OpenAI-style error body. */
    public static FakeResponse status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status, got " + status);
        }
        return new FakeResponse(status, null, null, null, List.of(), 0, 0, Map.of(), null, Duration.ZERO, null);
    }

    /** An answer with {@code status} and exactly {@code body}, for malformed or unusual answers. */
    public static FakeResponse raw(int status, String body) {
        return new FakeResponse(status, null, null, null, List.of(), 0, 0, Map.of(), Objects.requireNonNull(body, "body == null"),
                Duration.ZERO, null);
    }

    /** This completion with {@code reasoning_content} (DeepSeek, OpenRouter, newer vLLM). */
    public FakeResponse withReasoningContent(String text) {
        return new FakeResponse(status, content, text, reasoning, toolCalls, promptTokens, completionTokens, headers, rawBody, delay, heldUntil);
    }

    /** This completion with {@code reasoning} (vLLM's field). */
    public FakeResponse withReasoning(String text) {
        return new FakeResponse(status, content, reasoningContent, text, toolCalls, promptTokens, completionTokens, headers, rawBody, delay, heldUntil);
    }

    /** This completion with one more tool call. */
    public FakeResponse withToolCall(String id, String name, String argumentsJson) {
        List<ToolCall> calls = new ArrayList<>(toolCalls);
        calls.add(new ToolCall(id, name, argumentsJson));
        return new FakeResponse(status, content, reasoningContent, reasoning, calls, promptTokens, completionTokens, headers, rawBody, delay, heldUntil);
    }

    /** This completion reporting {@code prompt} prompt tokens and {@code completion} completion tokens. */
    public FakeResponse withUsage(long prompt, long completion) {
        return new FakeResponse(status, content, reasoningContent, reasoning, toolCalls, prompt, completion, headers, rawBody, delay, heldUntil);
    }

    /** This answer with a {@code Retry-After} header: seconds ({@code "2"}) or an HTTP date. */
    public FakeResponse withRetryAfter(String value) {
        return withHeader("Retry-After", value);
    }

    /** This answer with one more header. */
    public FakeResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new FakeResponse(status, content, reasoningContent, reasoning, toolCalls, promptTokens, completionTokens, all, rawBody, delay, heldUntil);
    }

    /** This answer, sent {@code duration} after the request arrived (to make a client time out). */
    public FakeResponse after(Duration duration) {
        return new FakeResponse(status, content, reasoningContent, reasoning, toolCalls, promptTokens, completionTokens, headers, rawBody,
                Objects.requireNonNull(duration, "duration == null"), heldUntil);
    }

    /** This answer, sent only once {@code latch} is open (at most a minute later), to keep calls in flight. */
    public FakeResponse heldUntil(CountDownLatch latch) {
        return new FakeResponse(status, content, reasoningContent, reasoning, toolCalls, promptTokens, completionTokens, headers, rawBody, delay,
                Objects.requireNonNull(latch, "latch == null"));
    }

    public int statusCode() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }

    Duration delay() {
        return delay;
    }

    Optional<CountDownLatch> latch() {
        return Optional.ofNullable(heldUntil);
    }

    private String completion() {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake");
        root.put("object", "chat.completion");
        root.put("created", 1_767_225_600L);
        root.put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        if (content == null) {
            message.putNull("content");
        } else {
            message.put("content", content);
        }
        if (reasoningContent != null) {
            message.put("reasoning_content", reasoningContent);
        }
        if (reasoning != null) {
            message.put("reasoning", reasoning);
        }
        if (!toolCalls.isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (ToolCall call : toolCalls) {
                ObjectNode node = calls.addObject();
                node.put("id", call.id());
                node.put("type", "function");
                node.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
        }
        choice.put("finish_reason", toolCalls.isEmpty() ? "stop" : "tool_calls");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", promptTokens);
        usage.put("completion_tokens", completionTokens);
        usage.put("total_tokens", promptTokens + completionTokens);
        return root.toString();
    }

    private String error() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", "fake error " + status);
        error.put("type", status == 429 ? "rate_limit_error" : status >= 500 ? "server_error" : "invalid_request_error");
        error.putNull("code");
        return root.toString();
    }

    @Override
    public String toString() {
        return "FakeResponse[" + status + (content != null ? ", text" : "") + (toolCalls.isEmpty() ? "" : ", " + toolCalls.size() + " tool calls")
                + (delay.isZero() ? "" : ", after " + delay) + "]";
    }
}

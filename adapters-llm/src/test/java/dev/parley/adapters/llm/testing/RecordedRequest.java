package dev.parley.adapters.llm.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One chat completion request as {@link FakeOpenAi} received it.
 *
 * @param model       the {@code model} asked for
 * @param temperature {@code temperature}, if sent
 * @param maxTokens   {@code max_tokens} (or {@code max_completion_tokens}), if sent
 * @param messages    the prompt, in order
 * @param tools       the tools offered
 * @param headers     the request headers, names in lower case (first value of each)
 * @param body        the JSON body as sent
 * @param arrivalNanos {@link System#nanoTime()} when the request arrived, to measure the pause between two
 */
public record RecordedRequest(String model, OptionalDouble temperature, OptionalInt maxTokens, List<Message> messages,
                              List<Tool> tools, Map<String, String> headers, String body, long arrivalNanos) {

    public RecordedRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        headers = Map.copyOf(headers);
    }

    /** One prompt message: its role ({@code system}, {@code user}, {@code assistant}, {@code tool}) and text. */
    public record Message(String role, String content, List<ToolCall> toolCalls, Optional<String> toolCallId) {
        public Message {
            Objects.requireNonNull(role, "role == null");
            content = content == null ? "" : content;
            toolCalls = List.copyOf(toolCalls);
        }
    }

    /** A tool call in an assistant message of the prompt. */
    public record ToolCall(String id, String name, String argumentsJson) {
    }

    /** A tool offered to the model, its parameters' JSON schema as sent. */
    public record Tool(String name, String description, String parametersJson) {
    }

    /** The time from {@code earlier}'s arrival to this one's. */
    public Duration since(RecordedRequest earlier) {
        return Duration.ofNanos(arrivalNanos - earlier.arrivalNanos);
    }

    /** The {@code Authorization} header, if sent. */
    public Optional<String> authorization() {
        return Optional.ofNullable(headers.get("authorization"));
    }

    /** The text of the last {@code user} message, or empty if there is none. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return "";
    }

    /** The text of the first {@code system} message, or empty if there is none. */
    public String systemText() {
        return messages.stream().filter(m -> m.role().equals("system")).map(Message::content).findFirst().orElse("");
    }
}

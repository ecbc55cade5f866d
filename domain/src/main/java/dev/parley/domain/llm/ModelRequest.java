package dev.parley.domain.llm;

import java.util.List;
import java.util.Objects;

/**
 * One completion request: the prompt as chat messages (a system message first, then the history),
 * the tools the model may call, and per-avatar options.
 */
public record ModelRequest(List<PromptMessage> messages, List<ToolDefinition> tools, ModelOptions options) {

    public ModelRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages == null"));
        tools = List.copyOf(Objects.requireNonNull(tools, "tools == null"));
        Objects.requireNonNull(options, "options == null");
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a model request needs at least one message");
        }
    }
}

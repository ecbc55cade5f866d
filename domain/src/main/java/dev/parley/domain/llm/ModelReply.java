package dev.parley.domain.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the model answered: its text as given (reasoning inside the text, such as a
 * {@code <think>} block, is still there: cleaning is the responder's job), reasoning the provider
 * returned in a field of its own ({@code reasoning_content}, {@code reasoning}), the tools it
 * asked for, and the tokens it used.
 */
public record ModelReply(String text, Optional<String> reasoning, List<ToolInvocation> toolCalls, TokenUsage usage) {

    public ModelReply {
        text = text == null ? "" : text;
        Objects.requireNonNull(reasoning, "reasoning == null");
        toolCalls = List.copyOf(Objects.requireNonNull(toolCalls, "toolCalls == null"));
        Objects.requireNonNull(usage, "usage == null");
    }
}

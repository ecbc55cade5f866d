package dev.parley.domain.llm;

import java.util.List;
import java.util.Objects;

/** One message of a prompt, in the roles chat models know. */
public sealed interface PromptMessage {

    String text();

    /** Instructions: who the avatar is, the narrative, the style rules. */
    record System(String text) implements PromptMessage {
        public System {
            Objects.requireNonNull(text, "text == null");
        }
    }

    /** Someone else's message (a person or another avatar), prefixed by the adapter with {@code name} where useful. */
    record User(String name, String text) implements PromptMessage {
        public User {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(text, "text == null");
        }
    }

    /** The avatar's own earlier message, with any tools it called. */
    record Assistant(String text, List<ToolInvocation> toolCalls) implements PromptMessage {
        public Assistant {
            Objects.requireNonNull(text, "text == null");
            toolCalls = List.copyOf(Objects.requireNonNull(toolCalls, "toolCalls == null"));
        }
    }

    /** What a tool the avatar called answered. */
    record ToolResult(String callId, String toolName, String text) implements PromptMessage {
        public ToolResult {
            Objects.requireNonNull(callId, "callId == null");
            Objects.requireNonNull(toolName, "toolName == null");
            Objects.requireNonNull(text, "text == null");
        }
    }
}

package dev.parley.adapters.llm;

import dev.parley.domain.llm.ModelOptions;
import dev.parley.domain.llm.ModelRequest;
import dev.parley.domain.llm.PromptMessage;
import java.util.List;

/** Small prompts for the adapter's tests. */
final class Prompts {

    static final String SYSTEM = "You are Ava, a cheerful guide.";
    static final String USER_TEXT = "what is a webhook?";

    private Prompts() {
    }

    static ModelRequest simple() {
        return new ModelRequest(List.of(new PromptMessage.System(SYSTEM), new PromptMessage.User("Bob", USER_TEXT)), List.of(),
                ModelOptions.defaults());
    }
}

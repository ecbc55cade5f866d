package dev.parley.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.adapters.llm.testing.RecordedRequest;
import dev.parley.domain.llm.ModelOptions;
import dev.parley.domain.llm.ModelReply;
import dev.parley.domain.llm.ModelRequest;
import dev.parley.domain.llm.PromptMessage;
import dev.parley.domain.llm.TokenUsage;
import dev.parley.domain.llm.ToolDefinition;
import dev.parley.domain.llm.ToolInvocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What goes over the wire and what comes back, against a fake speaking the real protocol. */
class OpenAiLanguageModelTest {

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final OpenAiLanguageModel model = new OpenAiLanguageModel(OpenAiOptions.of(fake.baseUrl(), "sk-test-key", "default-model"));

    @AfterEach
    void stop() {
        model.close();
        fake.close();
    }

    @Test
    void theReplysTextAndTokenUsageComeBack() {
        fake.enqueue(FakeResponse.text("A webhook is a URL that receives events.").withUsage(42, 9));

        ModelReply reply = model.complete(Prompts.simple());

        assertThat(reply.text()).isEqualTo("A webhook is a URL that receives events.");
        assertThat(reply.reasoning()).isEmpty();
        assertThat(reply.toolCalls()).isEmpty();
        assertThat(reply.usage()).isEqualTo(new TokenUsage(42, 9));
    }

    @Test
    void thePromptIsSentAsChatMessagesWithTheDefaultModelAndTheKey() {
        model.complete(Prompts.simple());

        RecordedRequest sent = fake.lastRequest();
        assertThat(sent.model()).isEqualTo("default-model");
        assertThat(sent.messages()).extracting(RecordedRequest.Message::role, RecordedRequest.Message::content).containsExactly(
                org.assertj.core.groups.Tuple.tuple("system", Prompts.SYSTEM),
                org.assertj.core.groups.Tuple.tuple("user", "Bob: " + Prompts.USER_TEXT));
        assertThat(sent.temperature()).isEmpty();
        assertThat(sent.maxTokens()).isEmpty();
        assertThat(sent.tools()).isEmpty();
        assertThat(sent.authorization()).contains("Bearer sk-test-key");
    }

    @Test
    void anAvatarsModelOptionsOverrideTheDefaults() {
        ModelRequest request = new ModelRequest(Prompts.simple().messages(), List.of(),
                ModelOptions.defaults().withModel("llama3.1:8b").withTemperature(0.25).withMaxTokens(321));

        model.complete(request);

        RecordedRequest sent = fake.lastRequest();
        assertThat(sent.model()).isEqualTo("llama3.1:8b");
        assertThat(sent.temperature()).hasValue(0.25);
        assertThat(sent.maxTokens()).hasValue(321);
    }

    @Test
    void reasoningContentComesBackAsReasoning() {
        fake.enqueue(FakeResponse.text("Hi!").withReasoningContent("They greet me; greet back."));

        ModelReply reply = model.complete(Prompts.simple());

        assertThat(reply.text()).isEqualTo("Hi!");
        assertThat(reply.reasoning()).contains("They greet me; greet back.");
    }

    @Test
    void vllmsReasoningFieldComesBackAsReasoning() {
        fake.enqueue(FakeResponse.text("Hi!").withReasoning("vLLM puts it here."));

        ModelReply reply = model.complete(Prompts.simple());

        assertThat(reply.text()).isEqualTo("Hi!");
        assertThat(reply.reasoning()).contains("vLLM puts it here.");
    }

    @Test
    void thinkTagsInTheTextAreLeftForTheResponder() {
        fake.enqueue(FakeResponse.text("<think>Ollama style.</think>Hi!"));

        ModelReply reply = model.complete(Prompts.simple());

        assertThat(reply.text()).isEqualTo("<think>Ollama style.</think>Hi!");
        assertThat(reply.reasoning()).isEmpty();
    }

    @Test
    void blankReasoningIsNoReasoning() {
        fake.enqueue(FakeResponse.text("Hi!").withReasoningContent("  \n"));

        assertThat(model.complete(Prompts.simple()).reasoning()).isEmpty();
    }

    @Test
    void toolsAreOfferedAndToolCallsComeBackWithParsedArguments() {
        ToolDefinition summon = new ToolDefinition("summon_avatar", "Brings another avatar into the channel.",
                List.of(new ToolDefinition.Parameter("name", "The avatar's name", true)));
        ModelRequest request = new ModelRequest(Prompts.simple().messages(), List.of(summon), ModelOptions.defaults());
        fake.enqueue(FakeResponse.toolCall("call_1", "summon_avatar", "{\"name\":\"Brook\",\"urgent\":true,\"count\":2}")
                .withToolCall("call_2", "summon_avatar", "\"{\\\"name\\\":\\\"Rex\\\"}\""));

        ModelReply reply = model.complete(request);

        assertThat(reply.text()).isEmpty();
        assertThat(reply.toolCalls()).containsExactly(
                new ToolInvocation("call_1", "summon_avatar", Map.of("name", "Brook", "urgent", true, "count", 2)),
                new ToolInvocation("call_2", "summon_avatar", Map.of("name", "Rex")));
        RecordedRequest.Tool offered = fake.lastRequest().tools().getFirst();
        assertThat(offered.name()).isEqualTo("summon_avatar");
        assertThat(offered.description()).isEqualTo("Brings another avatar into the channel.");
        assertThat(offered.parametersJson()).contains("\"name\"").contains("\"required\":[\"name\"]").contains("The avatar's name");
    }

    @Test
    void malformedToolArgumentsBecomeNoArguments() {
        fake.enqueue(FakeResponse.toolCall("call_1", "summon_avatar", "{not json"));

        assertThat(model.complete(Prompts.simple()).toolCalls())
                .containsExactly(new ToolInvocation("call_1", "summon_avatar", Map.of()));
    }

    @Test
    void earlierToolCallsAndTheirResultsAreSentBack() {
        ToolInvocation call = new ToolInvocation("call_9", "summon_avatar", Map.of("name", "Rex"));
        ModelRequest request = new ModelRequest(List.of(
                new PromptMessage.System(Prompts.SYSTEM),
                new PromptMessage.User("Bob", "bring Rex"),
                new PromptMessage.Assistant("", List.of(call)),
                new PromptMessage.ToolResult("call_9", "summon_avatar", "Rex joined the channel"),
                new PromptMessage.Assistant("Rex is here.", List.of()),
                new PromptMessage.User("", "")), List.of(), ModelOptions.defaults());

        model.complete(request);

        List<RecordedRequest.Message> sent = fake.lastRequest().messages();
        assertThat(sent).extracting(RecordedRequest.Message::role).containsExactly("system", "user", "assistant", "tool", "assistant", "user");
        assertThat(sent.get(2).toolCalls()).containsExactly(new RecordedRequest.ToolCall("call_9", "summon_avatar", "{\"name\":\"Rex\"}"));
        assertThat(sent.get(3).toolCallId()).contains("call_9");
        assertThat(sent.get(3).content()).isEqualTo("Rex joined the channel");
        assertThat(sent.get(4).content()).isEqualTo("Rex is here.");
        assertThat(sent.get(5).content()).isEqualTo("(empty message)");
    }

    @Test
    void aServerWithoutKeyGetsNoAuthorizationHeader() {
        try (OpenAiLanguageModel keyless = new OpenAiLanguageModel(OpenAiOptions.of(fake.baseUrl() + "/", null, "llama3"))) {
            keyless.complete(Prompts.simple());
        }

        assertThat(fake.lastRequest().authorization()).isEmpty();
    }
}

package dev.parley.adapters.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.parley.domain.llm.ModelOptions;
import dev.parley.domain.llm.ModelReply;
import dev.parley.domain.llm.ModelRequest;
import dev.parley.domain.llm.PromptMessage;
import dev.parley.domain.llm.TokenUsage;
import dev.parley.domain.llm.ToolDefinition;
import dev.parley.domain.llm.ToolInvocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Translates between the port's request and reply and LangChain4j's chat types. */
final class PromptMapping {

    /** What a user message with no text at all says, so providers that reject empty content accept it. */
    static final String EMPTY_MESSAGE = "(empty message)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptMapping() {
    }

    static ChatRequest toChatRequest(ModelRequest request, String defaultModel) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size());
        for (PromptMessage message : request.messages()) {
            chatMessage(message).ifPresent(messages::add);
        }
        ModelOptions options = request.options();
        OpenAiChatRequestParameters.Builder parameters = OpenAiChatRequestParameters.builder()
                .modelName(options.model().orElse(defaultModel));
        options.temperature().ifPresent(parameters::temperature);
        options.maxTokens().ifPresent(parameters::maxOutputTokens);
        if (!request.tools().isEmpty()) {
            parameters.toolSpecifications(request.tools().stream().map(PromptMapping::toolSpecification).toList());
        }
        return ChatRequest.builder().messages(messages).parameters(parameters.build()).build();
    }

    /**
     * A prompt message in LangChain4j's terms; empty for one that carries nothing (a blank system
     * message, an assistant turn with neither text nor tool calls), which providers reject.
     * Someone else's message is sent as {@code Name: text}: the {@code name} field of the OpenAI
     * API accepts only {@code [a-zA-Z0-9_-]}, which Discord names rarely are, and many servers
     * ignore it.
     */
    private static Optional<ChatMessage> chatMessage(PromptMessage message) {
        return switch (message) {
            case PromptMessage.System system -> system.text().isBlank()
                    ? Optional.empty() : Optional.of(SystemMessage.from(system.text()));
            case PromptMessage.User user -> Optional.of(UserMessage.from(userText(user)));
            case PromptMessage.Assistant assistant -> assistantMessage(assistant);
            case PromptMessage.ToolResult result ->
                    Optional.of(ToolExecutionResultMessage.from(result.callId(), result.toolName(), result.text()));
        };
    }

    private static String userText(PromptMessage.User user) {
        String text = user.text().isBlank() ? EMPTY_MESSAGE : user.text();
        return user.name().isBlank() ? text : user.name() + ": " + text;
    }

    private static Optional<ChatMessage> assistantMessage(PromptMessage.Assistant assistant) {
        if (assistant.toolCalls().isEmpty()) {
            return assistant.text().isBlank() ? Optional.empty() : Optional.of(AiMessage.from(assistant.text()));
        }
        List<ToolExecutionRequest> calls = assistant.toolCalls().stream()
                .map(call -> ToolExecutionRequest.builder().id(call.id()).name(call.name()).arguments(json(call.arguments())).build())
                .toList();
        return Optional.of(AiMessage.builder()
                .text(assistant.text().isBlank() ? null : assistant.text())
                .toolExecutionRequests(calls)
                .build());
    }

    private static ToolSpecification toolSpecification(ToolDefinition tool) {
        JsonObjectSchema.Builder schema = JsonObjectSchema.builder();
        List<String> required = new ArrayList<>();
        for (ToolDefinition.Parameter parameter : tool.parameters()) {
            schema.addStringProperty(parameter.name(), parameter.description());
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        schema.required(required);
        return ToolSpecification.builder().name(tool.name()).description(tool.description()).parameters(schema.build()).build();
    }

    static ModelReply toModelReply(ChatResponse response) {
        AiMessage message = response.aiMessage();
        String thinking = message.thinking();
        Optional<String> reasoning = thinking == null || thinking.isBlank() ? Optional.empty() : Optional.of(thinking.strip());
        List<ToolInvocation> calls = new ArrayList<>();
        if (message.hasToolExecutionRequests()) {
            List<ToolExecutionRequest> requests = message.toolExecutionRequests();
            for (int i = 0; i < requests.size(); i++) {
                ToolExecutionRequest request = requests.get(i);
                String id = request.id() == null || request.id().isBlank() ? "call-" + i : request.id();
                calls.add(new ToolInvocation(id, request.name(), arguments(request.arguments())));
            }
        }
        dev.langchain4j.model.output.TokenUsage usage = response.tokenUsage();
        TokenUsage tokens = usage == null ? TokenUsage.NONE
                : new TokenUsage(count(usage.inputTokenCount()), count(usage.outputTokenCount()));
        return new ModelReply(message.text(), reasoning, calls, tokens);
    }

    /**
     * A tool call's arguments as JSON values: an object as it is, an object encoded twice (a JSON
     * string holding one, as some local servers send) unwrapped; anything else (no arguments,
     * malformed JSON, a bare value) is no arguments, which the tool then reports as missing.
     */
    static Map<String, Object> arguments(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Object value = JSON.readValue(json, Object.class);
            if (value instanceof String inner && !inner.isBlank()) {
                value = JSON.readValue(inner, Object.class);
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> arguments = new LinkedHashMap<>();
                map.forEach((key, v) -> arguments.put(String.valueOf(key), v));
                return arguments;
            }
            return Map.of();
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String json(Map<String, Object> arguments) {
        try {
            return JSON.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tool call arguments must be JSON values", e);
        }
    }

    private static long count(Integer tokens) {
        return tokens == null || tokens < 0 ? 0 : tokens;
    }
}

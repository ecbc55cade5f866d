package dev.parley.adapters.redis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.conversation.ToolCall;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.UserId;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One history entry as compact JSON: every field of {@link Message} survives the round trip (keys
 * written only when set: {@code at, type, content, requester, tools, attachments, id, author, avatar,
 * bot, posted}),
 * tool parameters included (ToolCall normalises the numbers Jackson reads back, so they compare
 * equal to the ones written).
 */
final class MessageCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageCodec() {
    }

    /** Streams the fields straight out (no intermediate map): this runs once per append, on the hot path. */
    static String encode(Message message) {
        StringWriter out = new StringWriter(128 + message.content().length());
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("at", message.createdAt().toString());
            json.writeStringField("type", typeName(message.type()));
            json.writeStringField("content", message.content());
            if (message.requester().isPresent()) {
                json.writeStringField("requester", message.requester().get().value());
            }
            if (!message.tools().isEmpty()) {
                json.writeArrayFieldStart("tools");
                for (ToolCall tool : message.tools()) {
                    json.writeStartObject();
                    json.writeStringField("name", tool.name());
                    json.writeFieldName("params");
                    JSON.writeValue(json, tool.params());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (!message.attachments().isEmpty()) {
                json.writeArrayFieldStart("attachments");
                for (String url : message.attachments()) {
                    json.writeString(url);
                }
                json.writeEndArray();
            }
            if (message.id().isPresent()) {
                json.writeStringField("id", message.id().get().value());
            }
            if (message.authorName().isPresent()) {
                json.writeStringField("author", message.authorName().get());
            }
            if (message.avatar().isPresent()) {
                json.writeStringField("avatar", message.avatar().get().value());
            }
            if (message.authorIsBot()) {
                json.writeBooleanField("bot", true);
            }
            if (!message.postedIds().isEmpty()) {
                json.writeArrayFieldStart("posted");
                for (MessageId posted : message.postedIds()) {
                    json.writeString(posted.value());
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a message as JSON", e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Message decode(String json) {
        Map<String, Object> in;
        try {
            in = JSON.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored message is not valid JSON", e);
        }
        List<ToolCall> tools = new ArrayList<>();
        for (Map<String, Object> tool : (List<Map<String, Object>>) in.getOrDefault("tools", List.of())) {
            tools.add(new ToolCall((String) tool.get("name"), (Map<String, Object>) tool.get("params")));
        }
        return new Message(
                Instant.parse((String) in.get("at")),
                type((String) in.get("type")),
                (String) in.get("content"),
                Optional.ofNullable((String) in.get("requester")).map(UserId::of),
                tools,
                (List<String>) in.getOrDefault("attachments", List.of()),
                Optional.ofNullable((String) in.get("id")).map(MessageId::of),
                Optional.ofNullable((String) in.get("author")),
                Optional.ofNullable((String) in.get("avatar")).map(AvatarId::of),
                Boolean.TRUE.equals(in.get("bot")),
                ((List<String>) in.getOrDefault("posted", List.of())).stream().map(MessageId::of).toList());
    }

    /** The stored name of a message type: lowercase ({@code tool_call}), as every stored message so far has it. */
    static String typeName(MessageType type) {
        return switch (type) {
            case THINKING -> "thinking";
            case CHAT -> "chat";
            case TOOL_CALL -> "tool_call";
            case TOOL_CALL_RESPONSE -> "tool_call_response";
        };
    }

    private static MessageType type(String name) {
        for (MessageType type : MessageType.values()) {
            if (typeName(type).equals(name)) {
                return type;
            }
        }
        throw new IllegalStateException("stored message has an unknown type " + name);
    }
}

package dev.parley.adapters.file;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.ToolCall;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The archive writer as it was before it streamed, kept as the reference the streaming
 * {@link ArchiveJsonWriter} must match byte for byte. Domain → archive JSON: builds the document's key order as a tree ({@code fromDomain}), then prints
 * it the way the Echo document shows it (2-space indent, {@code "key": value}, arrays of plain values
 * on one line, {@code {}} for an empty object), UTF-8 with a trailing newline.
 */
final class TreeArchiveJsonWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TreeArchiveJsonWriter() {
    }

    static byte[] conversationBytes(Conversation conversation) {
        return render(fromDomain(conversation)).getBytes(StandardCharsets.UTF_8);
    }

    /** The documented conversation keys in order, then Parley's {@code thread_id}. */
    static ObjectNode fromDomain(Conversation conversation) {
        ObjectNode json = NODES.objectNode();
        json.put("created_at", ArchiveTimestamps.format(conversation.createdAt()));
        json.put("updated_at", ArchiveTimestamps.format(conversation.updatedAt()));
        json.put("summary", conversation.summary());
        json.put("guild_id", conversation.guildId().value());
        json.put("guild_name", conversation.guildName());
        json.put("requester", conversation.requester().value());
        ArrayNode participants = json.putArray("participants");
        conversation.participants().forEach(user -> participants.add(user.value()));
        ArrayNode history = json.putArray("history");
        conversation.history().forEach(message -> history.add(fromDomain(message)));
        json.put("thread_id", conversation.threadId().value());
        return json;
    }

    /**
     * The documented message keys in order; {@code meta} holds only what is set (the documented
     * {@code requester} and {@code tools}, then Parley's reply data); Parley's extras after it.
     */
    static ObjectNode fromDomain(Message message) {
        ObjectNode json = NODES.objectNode();
        json.put("created_at", ArchiveTimestamps.format(message.createdAt()));
        json.put("message_type", ArchiveMessageTypes.name(message.type()));
        json.put("message_content", message.content());
        ObjectNode meta = json.putObject("meta");
        message.requester().ifPresent(user -> meta.put("requester", user.value()));
        if (!message.tools().isEmpty()) {
            ArrayNode tools = meta.putArray("tools");
            message.tools().forEach(tool -> tools.add(fromDomain(tool)));
        }
        message.authorName().ifPresent(name -> meta.put("author_name", name));
        message.avatar().ifPresent(avatar -> meta.put("avatar_id", avatar.value()));
        if (message.authorIsBot()) {
            meta.put("bot", true);
        }
        if (!message.postedIds().isEmpty()) {
            ArrayNode posted = meta.putArray("message_ids");
            message.postedIds().forEach(id -> posted.add(id.value()));
        }
        if (!message.attachments().isEmpty()) {
            ArrayNode attachments = json.putArray("attachments");
            message.attachments().forEach(attachments::add);
        }
        message.id().ifPresent(id -> json.put("message_id", id.value()));
        return json;
    }

    private static ObjectNode fromDomain(ToolCall tool) {
        ObjectNode json = NODES.objectNode();
        json.put("name", tool.name());
        json.set("params", value(tool.params()));
        return json;
    }

    /** A tool parameter (a JSON value as plain Java, see {@link ToolCall}) as a node, keeping key order. */
    private static JsonNode value(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String text -> NODES.textNode(text);
            case Boolean flag -> NODES.booleanNode(flag);
            case Integer n -> NODES.numberNode(n);
            case Long n -> NODES.numberNode(n);
            case Short n -> NODES.numberNode(n);
            case Byte n -> NODES.numberNode(n);
            case Double n -> NODES.numberNode(n);
            case Float n -> NODES.numberNode(n);
            case BigInteger n -> NODES.numberNode(n);
            case BigDecimal n -> NODES.numberNode(n);
            case Number n -> NODES.numberNode(new BigDecimal(n.toString()));
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((key, item) -> object.set((String) key, value(item)));
                yield object;
            }
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode(list.size());
                list.forEach(item -> array.add(value(item)));
                yield array;
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        };
    }

    /** Prints {@code node} in the document's layout, ending with a newline. */
    static String render(JsonNode node) {
        StringBuilder out = new StringBuilder(4096);
        print(node, 0, out);
        return out.append('\n').toString();
    }

    private static void print(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            printObject(node, depth, out);
        } else if (node.isArray()) {
            printArray(node, depth, out);
        } else {
            printScalar(node, out);
        }
    }

    private static void printObject(JsonNode object, int depth, StringBuilder out) {
        if (object.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        var fields = object.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            indent(depth + 1, out);
            quote(field.getKey(), out);
            out.append(": ");
            print(field.getValue(), depth + 1, out);
            out.append(fields.hasNext() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append('}');
    }

    /** Plain values stay on one line ({@code ["1", "2"]}), as the document shows participants. */
    private static void printArray(JsonNode array, int depth, StringBuilder out) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean inline = true;
        for (JsonNode item : array) {
            inline &= item.isValueNode();
        }
        if (inline) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                printScalar(array.get(i), out);
            }
            out.append(']');
            return;
        }
        out.append("[\n");
        for (int i = 0; i < array.size(); i++) {
            indent(depth + 1, out);
            print(array.get(i), depth + 1, out);
            out.append(i < array.size() - 1 ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append(']');
    }

    private static void printScalar(JsonNode value, StringBuilder out) {
        if (value.isTextual()) {
            quote(value.textValue(), out);
        } else if (value.isFloat()) {
            float f = value.floatValue();
            out.append(Float.isFinite(f) ? Float.toString(f) : nonFinite(f));
        } else if (value.isDouble()) {
            double d = value.doubleValue();
            out.append(Double.isFinite(d) ? Double.toString(d) : nonFinite(d));
        } else if (value.isBigDecimal()) {
            out.append(value.decimalValue().toString());
        } else if (value.isNumber()) {
            out.append(value.bigIntegerValue().toString());
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else {
            out.append("null");
        }
    }

    /** Non-finite numbers as Python's {@code json} writes them (and the reader accepts). */
    private static String nonFinite(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }

    private static void indent(int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
    }
}

package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.conversation.ToolCall;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** One tool call on the wire: {@code {"name": "search_documents", "params": {"query": "...", "limit": 5}}}. */
@Schema(name = "ToolCall")
@JsonPropertyOrder({"name", "params"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ToolCallJson(@JsonProperty("name") String name, @JsonProperty("params") Map<String, Object> params) {

    static ToolCallJson fromDomain(ToolCall call) {
        return new ToolCallJson(call.name(), call.params());
    }

    ToolCall toDomain() {
        if (name == null) {
            throw ApiException.missingField("meta.tools[].name", "every tool call needs the tool's name");
        }
        if (params != null) {
            requireFinite(params);
        }
        return new ToolCall(name, params);
    }

    /** JSON has no infinity: a number too large for a double (1e400) would come back as the string "Infinity". */
    private static void requireFinite(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            throw ApiException.invalid(ErrorCodes.INVALID_INPUT, "tool parameters must be finite numbers; a number was too large");
        }
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(ToolCallJson::requireFinite);
        } else if (value instanceof List<?> list) {
            list.forEach(ToolCallJson::requireFinite);
        }
    }
}

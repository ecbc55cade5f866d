package dev.parley.domain.llm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The model asking for a tool: the provider's call id (echoed in the tool's result), the tool's
 * name and its arguments as JSON values (String, Number, Boolean, null, List, Map).
 */
public record ToolInvocation(String id, String name, Map<String, Object> arguments) {

    public ToolInvocation {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(name, "name == null");
        arguments = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(arguments, "arguments == null")));
    }
}

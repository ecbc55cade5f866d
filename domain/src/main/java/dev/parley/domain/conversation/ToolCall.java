package dev.parley.domain.conversation;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tool the model asked for: its name and its parameters. Parameters are JSON values as plain
 * Java: {@code String}, {@code Number}, {@code Boolean}, {@code null}, {@code List} and
 * {@code Map<String, ?>}, kept deeply immutable and in their original key order.
 */
public record ToolCall(String name, Map<String, Object> params) {

    public ToolCall {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(InputField.TOOL_CALL, "needs a non-blank name");
        }
        params = params == null ? Map.of() : freezeObject(params);
    }

    public static ToolCall of(String name, Map<String, ?> params) {
        @SuppressWarnings("unchecked")
        Map<String, Object> asObjects = (Map<String, Object>) params;
        return new ToolCall(name, asObjects);
    }

    private static Map<String, Object> freezeObject(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (!(key instanceof String text)) {
                throw new InvalidInputException(InputField.TOOL_PARAMETERS, "must be named by strings, got " + key);
            }
            copy.put(text, freeze(value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object freeze(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return normalised(number);
        }
        if (value instanceof Map<?, ?> map) {
            return freezeObject(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(freeze(item)));
            return Collections.unmodifiableList(copy);
        }
        throw new InvalidInputException(InputField.TOOL_PARAMETERS,
                "must be JSON values (string, number, boolean, null, list, object), got "
                        + value.getClass().getSimpleName());
    }

    /**
     * One Java type per kind of JSON number, so parameters compare equal after any JSON round trip
     * (a parser reads {@code 5} back as whatever integer type it likes): whole numbers that fit
     * become {@code Long}, binary fractions {@code Double}; big ones stay as they are.
     */
    private static Number normalised(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        if (number instanceof java.math.BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        if (number instanceof Float) {
            return number.doubleValue();
        }
        return number;
    }
}

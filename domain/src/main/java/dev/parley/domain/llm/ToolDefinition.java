package dev.parley.domain.llm;

import java.util.List;
import java.util.Objects;

/** A tool the model may call, with its string parameters (all Parley's tools take strings). */
public record ToolDefinition(String name, String description, List<Parameter> parameters) {

    public ToolDefinition {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(description, "description == null");
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters == null"));
    }

    /** One string parameter. */
    public record Parameter(String name, String description, boolean required) {
        public Parameter {
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(description, "description == null");
        }
    }
}

package dev.parley.bootstrap.config;

import dev.parley.adapters.llm.OpenAiOptions;
import dev.parley.application.responder.ResponderSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The responder's validated configuration: the language model, its call budget, the avatar
 * catalogue, how replies are made and how often narratives are written. {@link #toString()}
 * never shows the API key.
 *
 * @param model             how to reach the model ({@code parley.llm.*}); empty without {@code parley.llm.base-url}
 * @param maxCallsPerHour   the call budget shared by all instances; 0 is unlimited
 * @param catalogue         the avatar catalogue file ({@code parley.avatars.catalogue}); empty: no avatars
 * @param responder         context size, chain limit, summary rhythm
 * @param narrativeInterval how often a narrative is attempted
 * @param narrativesKept    how many narratives each avatar keeps
 */
public record ResponderConfiguration(Optional<OpenAiOptions> model, long maxCallsPerHour, Optional<Path> catalogue,
        ResponderSettings responder, Duration narrativeInterval, int narrativesKept) {

    public ResponderConfiguration {
        Objects.requireNonNull(model, "model == null");
        Objects.requireNonNull(catalogue, "catalogue == null");
        Objects.requireNonNull(responder, "responder == null");
        Objects.requireNonNull(narrativeInterval, "narrativeInterval == null");
        if (maxCallsPerHour < 0) {
            throw new IllegalArgumentException("maxCallsPerHour must not be negative, got " + maxCallsPerHour);
        }
        if (narrativesKept < 1) {
            throw new IllegalArgumentException("narrativesKept must be at least 1, got " + narrativesKept);
        }
    }

    /** The model as the start-up line names it: its host and default model, never the key. */
    public String describeModel() {
        return model.map(options -> options.defaultModel() + " at " + options.host()).orElse("none configured");
    }

    @Override
    public String toString() {
        return "ResponderConfiguration[model=" + model.map(OpenAiOptions::toString).orElse("none")
                + ", maxCallsPerHour=" + maxCallsPerHour + ", catalogue=" + catalogue.map(Path::toString).orElse("none")
                + ", responder=" + responder + ", narrativeInterval=" + Durations.format(narrativeInterval)
                + ", narrativesKept=" + narrativesKept + "]";
    }
}

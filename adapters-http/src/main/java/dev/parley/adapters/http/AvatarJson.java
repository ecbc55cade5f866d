package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.avatar.AvatarProfile;
import io.swagger.v3.oas.annotations.media.Schema;

/** An avatar of the catalogue: who it is on Discord, its personality and its model options ({@code null} when left to the defaults). */
@Schema(name = "Avatar")
@JsonPropertyOrder({"id", "name", "emoji", "image_url", "personality", "model", "temperature", "max_tokens"})
public record AvatarJson(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("emoji") String emoji,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("personality") String personality,
        @JsonProperty("model") String model,
        @JsonProperty("temperature") Double temperature,
        @JsonProperty("max_tokens") Integer maxTokens) {

    static AvatarJson fromDomain(AvatarProfile profile) {
        var options = profile.modelOptions();
        return new AvatarJson(profile.id().value(), profile.name(), profile.avatar().emoji().orElse(null),
                profile.avatar().imageUrl().orElse(null), profile.personality(), options.model().orElse(null),
                options.temperature().isPresent() ? options.temperature().getAsDouble() : null,
                options.maxTokens().isPresent() ? options.maxTokens().getAsInt() : null);
    }
}

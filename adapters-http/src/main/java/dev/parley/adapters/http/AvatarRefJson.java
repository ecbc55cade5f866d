package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.avatar.Avatar;
import io.swagger.v3.oas.annotations.media.Schema;

/** What a caller posting an avatar's reply needs: its id, the name and the image to post under ({@code null} without one). */
@Schema(name = "AvatarRef")
@JsonPropertyOrder({"id", "name", "image_url"})
public record AvatarRefJson(@JsonProperty("id") String id, @JsonProperty("name") String name, @JsonProperty("image_url") String imageUrl) {

    static AvatarRefJson fromDomain(Avatar avatar) {
        return new AvatarRefJson(avatar.id().value(), avatar.name(), avatar.imageUrl().orElse(null));
    }
}

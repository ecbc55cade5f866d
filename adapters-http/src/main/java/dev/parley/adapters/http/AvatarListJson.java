package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Every avatar of the catalogue, in its order. */
@Schema(name = "AvatarList")
public record AvatarListJson(@JsonProperty("avatars") List<AvatarJson> avatars) {
}

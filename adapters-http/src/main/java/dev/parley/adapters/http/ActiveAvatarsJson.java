package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A channel's active avatars, most recently active first. */
@Schema(name = "ActiveAvatars")
public record ActiveAvatarsJson(@JsonProperty("active") List<PresenceJson> active) {
}

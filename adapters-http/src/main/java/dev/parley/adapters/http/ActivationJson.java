package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.avatar.Activation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What activating (or touching) an avatar did: whether it became active now, the channel's active
 * avatars afterwards (most recently active first) and the ones this step rotated out.
 */
@Schema(name = "Activation")
@JsonPropertyOrder({"newly_active", "active", "deactivated"})
public record ActivationJson(
        @JsonProperty("newly_active") boolean newlyActive,
        @JsonProperty("active") List<PresenceJson> active,
        @JsonProperty("deactivated") List<PresenceJson> deactivated) {

    static ActivationJson fromDomain(Activation activation) {
        return new ActivationJson(activation.newlyActive(), PresenceJson.fromDomain(activation.active()),
                PresenceJson.fromDomain(activation.deactivated()));
    }
}

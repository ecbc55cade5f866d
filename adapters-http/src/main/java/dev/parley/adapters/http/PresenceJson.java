package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.avatar.Presence;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One avatar's presence in a channel; {@code deactivated_at} is null while it is active. Times in UTC. */
@Schema(name = "Presence")
@JsonPropertyOrder({"avatar_id", "activated_at", "last_activity_at", "deactivated_at"})
public record PresenceJson(
        @JsonProperty("avatar_id") String avatarId,
        @JsonProperty("activated_at") String activatedAt,
        @JsonProperty("last_activity_at") String lastActivityAt,
        @JsonProperty("deactivated_at") String deactivatedAt) {

    static PresenceJson fromDomain(Presence presence) {
        return new PresenceJson(presence.avatar().value(), WireTime.format(presence.activatedAt()),
                WireTime.format(presence.lastActivityAt()), presence.deactivatedAt().map(WireTime::format).orElse(null));
    }

    static List<PresenceJson> fromDomain(List<Presence> presences) {
        return presences.stream().map(PresenceJson::fromDomain).toList();
    }
}

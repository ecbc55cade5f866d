package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.narrative.Narrative;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An avatar's kept narratives, newest first. */
@Schema(name = "Narratives")
@JsonPropertyOrder({"avatar_id", "narratives"})
public record NarrativesJson(@JsonProperty("avatar_id") String avatarId, @JsonProperty("narratives") List<Entry> narratives) {

    /** One narrative and when it was written (UTC). */
    @Schema(name = "Narrative")
    @JsonPropertyOrder({"text", "created_at"})
    public record Entry(@JsonProperty("text") String text, @JsonProperty("created_at") String createdAt) {
    }

    static NarrativesJson fromDomain(AvatarId avatar, List<Narrative> narratives) {
        return new NarrativesJson(avatar.value(),
                narratives.stream().map(n -> new Entry(n.text(), WireTime.format(n.createdAt()))).toList());
    }
}

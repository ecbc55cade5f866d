package dev.parley.domain.narrative;

import dev.parley.domain.avatar.AvatarId;
import java.time.Instant;
import java.util.Objects;

/**
 * An avatar's reflection on its recent experiences, written by the language model from its
 * personality, its previous narrative and its recent replies; the latest one feeds the avatar's
 * system prompt.
 */
public record Narrative(AvatarId avatar, String text, Instant createdAt) {

    public Narrative {
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(text, "text == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
    }
}

package dev.parley.domain.avatar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An avatar's presence in one channel (decisions.md 14): when it was last activated, when it last
 * spoke or was mentioned, and, once rotated out, when it was deactivated.
 */
public record Presence(AvatarId avatar, Instant activatedAt, Instant lastActivityAt, Optional<Instant> deactivatedAt) {

    public Presence {
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(activatedAt, "activatedAt == null");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt == null");
        deactivatedAt = Objects.requireNonNullElse(deactivatedAt, Optional.empty());
        if (lastActivityAt.isBefore(activatedAt)) {
            throw new IllegalArgumentException("lastActivityAt " + lastActivityAt + " is before activatedAt " + activatedAt);
        }
        if (deactivatedAt.isPresent() && deactivatedAt.get().isBefore(lastActivityAt)) {
            throw new IllegalArgumentException("deactivatedAt " + deactivatedAt.get() + " is before lastActivityAt " + lastActivityAt);
        }
    }

    /** A presence that starts now. */
    public static Presence activated(AvatarId avatar, Instant now) {
        return new Presence(avatar, now, now, Optional.empty());
    }

    public boolean isActive() {
        return deactivatedAt.isEmpty();
    }

    /** This presence, active at {@code now}; a clock that stepped back does not move the activity back. */
    public Presence touched(Instant now) {
        Instant latest = now.isAfter(lastActivityAt) ? now : lastActivityAt;
        return new Presence(avatar, activatedAt, latest, Optional.empty());
    }

    /** This presence, rotated out at {@code now}. */
    public Presence deactivated(Instant now) {
        Instant at = now.isBefore(lastActivityAt) ? lastActivityAt : now;
        return new Presence(avatar, activatedAt, lastActivityAt, Optional.of(at));
    }
}

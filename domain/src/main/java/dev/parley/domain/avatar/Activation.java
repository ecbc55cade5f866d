package dev.parley.domain.avatar;

import java.util.List;
import java.util.Objects;

/**
 * What one {@link AvatarRoster#activate} did in a channel: whether the avatar became active (rather
 * than being active already), the channel's active avatars afterwards, most recently active first,
 * and the avatars this step rotated out, each with its {@code deactivatedAt}.
 */
public record Activation(boolean newlyActive, List<Presence> active, List<Presence> deactivated) {

    public Activation {
        active = List.copyOf(Objects.requireNonNull(active, "active == null"));
        deactivated = List.copyOf(Objects.requireNonNull(deactivated, "deactivated == null"));
        for (Presence p : active) {
            if (!p.isActive()) {
                throw new IllegalArgumentException("active lists " + p.avatar() + " with deactivatedAt set");
            }
        }
        for (Presence p : deactivated) {
            if (p.isActive()) {
                throw new IllegalArgumentException("deactivated lists " + p.avatar() + " without deactivatedAt");
            }
        }
    }

    public List<AvatarId> activeIds() {
        return active.stream().map(Presence::avatar).toList();
    }

    public List<AvatarId> deactivatedIds() {
        return deactivated.stream().map(Presence::avatar).toList();
    }
}

package dev.parley.domain.avatar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One channel's active avatars and the rotation rule (decisions.md 14), as a pure value: every
 * {@link AvatarRoster} activates as {@link #activate} does, in one atomic step. The memory roster
 * keeps one of these per channel; the Redis roster's script ({@code activate.lua}) translates it.
 *
 * <p>Activating an avatar that is active touches it (its last activity becomes now). Activating one
 * that is not makes it active from now; if the channel then holds more than the cap, the least
 * recently active others are rotated out, in the same step, until it holds the cap. The avatar
 * being activated is never the one rotated out. Activity times that tie (a coarse or stopped
 * clock) are ordered by the order of the activations.
 *
 * <pre>{@code
 * ChannelRoster.Rotation r = ChannelRoster.EMPTY.activate(AvatarId.of("zoe"), now, 8);
 * r.activation().newlyActive(); // true
 * r.after().byRecency();        // [zoe]
 * }</pre>
 *
 * @param active the active presences in the order of their last activation, the earliest first
 */
public record ChannelRoster(List<Presence> active) {

    /** A channel where no avatar is active. */
    public static final ChannelRoster EMPTY = new ChannelRoster(List.of());

    private static final Comparator<Ranked> STALEST_FIRST =
            Comparator.comparing((Ranked r) -> r.presence().lastActivityAt()).thenComparingInt(Ranked::order);

    public ChannelRoster {
        active = List.copyOf(Objects.requireNonNull(active, "active == null"));
        for (Presence p : active) {
            if (!p.isActive()) {
                throw new IllegalArgumentException("a roster holds active presences only, got " + p.avatar() + " deactivated");
            }
        }
    }

    /** What one activation did, and the roster after it. */
    public record Rotation(Activation activation, ChannelRoster after) {

        public Rotation {
            Objects.requireNonNull(activation, "activation == null");
            Objects.requireNonNull(after, "after == null");
        }
    }

    /** Activates (or touches) {@code avatar} at {@code now}, keeping at most {@code cap} active. */
    public Rotation activate(AvatarId avatar, Instant now, int cap) {
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(now, "now == null");
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, got " + cap);
        }
        List<Presence> next = new ArrayList<>(active.size() + 1);
        Presence current = null;
        for (Presence p : active) {
            if (p.avatar().equals(avatar)) {
                current = p;
            } else {
                next.add(p);
            }
        }
        next.add(current == null ? Presence.activated(avatar, now) : current.touched(now));
        List<Presence> deactivated = new ArrayList<>();
        while (next.size() > cap) {
            int stalest = ranked(next).stream()
                    .filter(r -> !r.presence().avatar().equals(avatar))
                    .min(STALEST_FIRST)
                    .orElseThrow()
                    .order();
            deactivated.add(next.remove(stalest).deactivated(now));
        }
        ChannelRoster after = new ChannelRoster(next);
        return new Rotation(new Activation(current == null, after.byRecency(), deactivated), after);
    }

    /** The active presences, most recently active first. */
    public List<Presence> byRecency() {
        return ranked(active).stream().sorted(STALEST_FIRST.reversed()).map(Ranked::presence).toList();
    }

    private static List<Ranked> ranked(List<Presence> presences) {
        List<Ranked> ranked = new ArrayList<>(presences.size());
        for (int i = 0; i < presences.size(); i++) {
            ranked.add(new Ranked(presences.get(i), i));
        }
        return ranked;
    }

    /** A presence with its position in activation order, the tie-breaker for equal activity times. */
    private record Ranked(Presence presence, int order) {
    }
}

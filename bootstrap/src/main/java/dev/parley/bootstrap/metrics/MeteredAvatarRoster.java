package dev.parley.bootstrap.metrics;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.RequestId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;

/**
 * The avatar roster, counted: activations that made an avatar active (rather than touching an
 * active one), and rotations, the avatars a full channel deactivated to make room.
 */
final class MeteredAvatarRoster implements AvatarRoster {

    private final AvatarRoster roster;
    private final Counter newlyActive;
    private final Counter alreadyActive;
    private final Counter rotations;

    MeteredAvatarRoster(AvatarRoster roster, MeterRegistry registry) {
        this.roster = Objects.requireNonNull(roster, "roster == null");
        String description = "Avatar activations and touches, by whether the avatar became active";
        this.newlyActive = Counter.builder("parley.roster.activations").description(description).tag("result", "newly_active")
                .register(registry);
        this.alreadyActive = Counter.builder("parley.roster.activations").description(description).tag("result", "already_active")
                .register(registry);
        this.rotations = Counter.builder("parley.roster.rotations")
                .description("Avatars deactivated to make room in a channel at its cap of active avatars").register(registry);
    }

    @Override
    public Activation activate(ChannelId channel, AvatarId avatar) {
        return counted(roster.activate(channel, avatar));
    }

    @Override
    public Activation activate(ChannelId channel, AvatarId avatar, RequestId request) {
        return counted(roster.activate(channel, avatar, request));
    }

    @Override
    public Activation touch(ChannelId channel, AvatarId avatar) {
        return counted(roster.touch(channel, avatar));
    }

    @Override
    public Activation touch(ChannelId channel, AvatarId avatar, RequestId request) {
        return counted(roster.touch(channel, avatar, request));
    }

    @Override
    public List<Presence> active(ChannelId channel) {
        return roster.active(channel);
    }

    private Activation counted(Activation activation) {
        (activation.newlyActive() ? newlyActive : alreadyActive).increment();
        rotations.increment(activation.deactivated().size());
        return activation;
    }
}

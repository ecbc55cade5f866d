package dev.parley.application.reply;

import dev.parley.application.port.in.ActivateAvatar;
import dev.parley.application.port.in.ListActiveAvatars;
import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarRoster;
import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import java.util.List;
import java.util.Objects;

/** The avatars present in each channel, kept by the avatar roster (the {@code ChannelRoster} rule, atomically). */
public final class AvatarPresence implements ActivateAvatar, ListActiveAvatars {

    private final AvatarRoster roster;

    public AvatarPresence(AvatarRoster roster) {
        this.roster = Objects.requireNonNull(roster, "roster == null");
    }

    @Override
    public Activation activate(ChannelId channel, AvatarId avatar) {
        return roster.activate(channel, avatar);
    }

    @Override
    public Activation touch(ChannelId channel, AvatarId avatar) {
        return roster.touch(channel, avatar);
    }

    @Override
    public List<Presence> active(ChannelId channel) {
        return roster.active(channel);
    }
}

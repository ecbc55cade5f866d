package dev.parley.application.port.in;

import dev.parley.domain.avatar.Activation;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;

/** Make an avatar present in a channel, rotating out the stalest beyond the cap (decisions.md 14). */
public interface ActivateAvatar {

    /** The avatar was summoned or mentioned. */
    Activation activate(ChannelId channel, AvatarId avatar);

    /** The avatar spoke or was mentioned: its activity moves to now (an inactive one is activated). */
    Activation touch(ChannelId channel, AvatarId avatar);
}

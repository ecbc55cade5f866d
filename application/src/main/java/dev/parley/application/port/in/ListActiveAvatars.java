package dev.parley.application.port.in;

import dev.parley.domain.avatar.Presence;
import dev.parley.domain.id.ChannelId;
import java.util.List;

/** The avatars active in a channel. */
public interface ListActiveAvatars {

    /** Most recently active first; none: an empty list. */
    List<Presence> active(ChannelId channel);
}

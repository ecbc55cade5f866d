package dev.parley.domain.summary;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import java.util.Objects;

/** The right to regenerate one (avatar, channel) summary, held under an opaque token unique to this taking. */
public record GenerationLease(AvatarId avatar, ChannelId channel, String token) {

    public GenerationLease {
        Objects.requireNonNull(avatar, "avatar == null");
        Objects.requireNonNull(channel, "channel == null");
        Objects.requireNonNull(token, "token == null");
    }
}

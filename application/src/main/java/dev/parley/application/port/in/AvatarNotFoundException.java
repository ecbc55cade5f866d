package dev.parley.application.port.in;

import dev.parley.domain.avatar.AvatarId;
import java.util.Objects;

/** The avatar catalogue has no avatar with this id. */
public final class AvatarNotFoundException extends RuntimeException {

    private final AvatarId avatar;

    public AvatarNotFoundException(AvatarId avatar) {
        super("the avatar catalogue has no avatar " + Objects.requireNonNull(avatar, "avatar == null").value(), null, false, false);
        this.avatar = avatar;
    }

    public AvatarId avatar() {
        return avatar;
    }
}

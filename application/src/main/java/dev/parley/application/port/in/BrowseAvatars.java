package dev.parley.application.port.in;

import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import java.util.List;
import java.util.Optional;

/** The avatars of the catalogue, as it is now ({@code GET /avatars}). */
public interface BrowseAvatars {

    /** Every avatar, in the catalogue's order. */
    List<AvatarProfile> all();

    Optional<AvatarProfile> find(AvatarId avatar);
}

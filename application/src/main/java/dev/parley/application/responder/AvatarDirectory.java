package dev.parley.application.responder;

import dev.parley.application.port.in.BrowseAvatars;
import dev.parley.domain.avatar.AvatarCatalogue;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.avatar.AvatarProfile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The avatar catalogue as the API lists it: the current snapshot, in the catalogue's order. */
public final class AvatarDirectory implements BrowseAvatars {

    private final AvatarCatalogue catalogue;

    public AvatarDirectory(AvatarCatalogue catalogue) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue == null");
    }

    @Override
    public List<AvatarProfile> all() {
        return catalogue.current().all();
    }

    @Override
    public Optional<AvatarProfile> find(AvatarId avatar) {
        return catalogue.current().find(Objects.requireNonNull(avatar, "avatar == null"));
    }
}

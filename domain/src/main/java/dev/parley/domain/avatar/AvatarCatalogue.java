package dev.parley.domain.avatar;

import java.util.List;
import java.util.Optional;

/**
 * The avatars Parley can speak as (driven port). A catalogue may change while Parley runs (a file
 * edited in place); {@link #current()} is one consistent, immutable snapshot, so a reply that
 * looks up several avatars should take one snapshot and work on it.
 *
 * <p>{@link Avatars} is itself a catalogue that never changes.
 */
public interface AvatarCatalogue {

    /** The avatars as they are now. */
    Avatars current();

    /** Every avatar, in the catalogue's order. */
    default List<AvatarProfile> all() {
        return current().all();
    }

    /** The avatar with {@code id}, if the catalogue has it. */
    default Optional<AvatarProfile> find(AvatarId id) {
        return current().find(id);
    }
}

package dev.parley.application.port.in;

import dev.parley.domain.avatar.Avatar;
import java.util.List;
import java.util.Objects;

/** One avatar's cleaned reply, split into the chunks to post in order (each at most 2,000 characters). */
public record AvatarReply(Avatar avatar, List<String> chunks) {

    public AvatarReply {
        Objects.requireNonNull(avatar, "avatar == null");
        chunks = List.copyOf(Objects.requireNonNull(chunks, "chunks == null"));
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one chunk");
        }
    }
}

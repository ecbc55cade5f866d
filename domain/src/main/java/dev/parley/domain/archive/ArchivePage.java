package dev.parley.domain.archive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a search: at most the requested number of conversations, newest first; the cursor
 * of the next page when there are more; and whether the index was still being built, so that
 * conversations may be missing ({@code partial}).
 */
public record ArchivePage(List<ArchiveHit> items, Optional<ArchiveCursor> next, boolean partial) {

    public ArchivePage {
        items = List.copyOf(items);
        next = Objects.requireNonNullElse(next, Optional.empty());
    }
}

package dev.parley.domain.archive;

import java.util.List;
import java.util.Objects;

/**
 * One conversation found by a search: its listing line and, for a text search, up to
 * {@value #MAX_SNIPPETS} snippets of what matched, best first.
 */
public record ArchiveHit(ArchivedConversation conversation, List<ArchiveSnippet> snippets) {

    public static final int MAX_SNIPPETS = 3;

    public ArchiveHit {
        Objects.requireNonNull(conversation, "conversation == null");
        snippets = List.copyOf(snippets);
        if (snippets.size() > MAX_SNIPPETS) {
            throw new IllegalArgumentException("at most " + MAX_SNIPPETS + " snippets, got " + snippets.size());
        }
    }
}

package dev.parley.domain.archive;

import java.util.List;

/** The result of listing the archive: the matching conversations, and the files that could not be read. */
public record ArchiveListing(List<ArchivedConversation> conversations, List<UnreadableArchive> unreadable) {

    public ArchiveListing {
        conversations = List.copyOf(conversations);
        unreadable = List.copyOf(unreadable);
    }
}

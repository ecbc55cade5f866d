package dev.parley.application.conversation;

import dev.parley.application.port.in.SearchArchive;
import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.archive.ConversationArchive;
import java.util.Objects;
import java.util.Optional;

/** Reads the archive for its clients; a name that is not an archive file name is simply not there. */
public final class ArchiveSearch implements SearchArchive {

    private final ConversationArchive archive;

    public ArchiveSearch(ConversationArchive archive) {
        this.archive = Objects.requireNonNull(archive, "archive == null");
    }

    @Override
    public ArchiveListing search(ArchiveQuery query) {
        return archive.list(query);
    }

    @Override
    public Optional<ArchivedTranscript> read(String fileName) {
        try {
            return archive.load(fileName);
        } catch (InvalidInputException e) {
            if (e.field() == InputField.ARCHIVE_FILE_NAME) {
                return Optional.empty(); // a path, "..", another file: nothing the archive holds
            }
            throw e;
        }
    }
}

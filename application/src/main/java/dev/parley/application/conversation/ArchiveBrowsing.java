package dev.parley.application.conversation;

import dev.parley.application.port.in.SearchArchive;
import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.archive.ArchivePage;
import dev.parley.domain.archive.ArchivePageRequest;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchiveSearch;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.archive.ConversationArchive;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the archive for its clients: searches go to the archive's index a page at a time (never a
 * scan of every file), a file is read from the archive itself; a name that is not an archive file
 * name is simply not there.
 */
public final class ArchiveBrowsing implements SearchArchive {

    private final ConversationArchive archive;
    private final ArchiveSearch index;

    public ArchiveBrowsing(ConversationArchive archive, ArchiveSearch index) {
        this.archive = Objects.requireNonNull(archive, "archive == null");
        this.index = Objects.requireNonNull(index, "index == null");
    }

    @Override
    public ArchivePage search(ArchiveQuery query, ArchivePageRequest page) {
        return index.search(Objects.requireNonNull(query, "query == null"), Objects.requireNonNull(page, "page == null"));
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

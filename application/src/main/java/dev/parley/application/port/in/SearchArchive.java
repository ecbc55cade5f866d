package dev.parley.application.port.in;

import dev.parley.domain.archive.ArchivePage;
import dev.parley.domain.archive.ArchivePageRequest;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedTranscript;
import java.util.Optional;

/** Find archived conversations a page at a time, newest first, and read one. */
public interface SearchArchive {

    /**
     * One page of the archived conversations {@code query} selects, newest first, continuing after
     * {@code page.after()}. The answer is bounded by {@code page.limit()} whatever the archive's
     * size; {@link ArchivePage#partial()} says that the archive's index is still being built (or
     * caught up), so conversations may be missing from it.
     *
     * @throws dev.parley.domain.InvalidInputException if the cursor was given for another query, or the
     *         text holds nothing to search for (fields {@code PAGE_CURSOR}, {@code SEARCH_TEXT})
     * @throws dev.parley.domain.StorageUnavailableException if the index cannot be read
     */
    ArchivePage search(ArchiveQuery query, ArchivePageRequest page);

    /**
     * One archived conversation by file name; empty if there is no such archive file (including a
     * name that is not an archive file name at all: a path, another file).
     *
     * @throws dev.parley.domain.archive.UnreadableArchiveException if the file exists but is not a valid archive
     */
    Optional<ArchivedTranscript> read(String fileName);
}

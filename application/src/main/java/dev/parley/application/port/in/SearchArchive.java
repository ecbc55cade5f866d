package dev.parley.application.port.in;

import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedTranscript;
import java.util.Optional;

/** Find archived conversations and read one. */
public interface SearchArchive {

    /** The archived conversations {@code query} selects, with every file that could not be read named apart. */
    ArchiveListing search(ArchiveQuery query);

    /**
     * One archived conversation by file name; empty if there is no such archive file (including a
     * name that is not an archive file name at all: a path, another file).
     *
     * @throws dev.parley.domain.archive.UnreadableArchiveException if the file exists but is not a valid archive
     */
    Optional<ArchivedTranscript> read(String fileName);
}

package dev.parley.domain.archive;

/**
 * Finds archived conversations by who and when, by message type and by what was said, a bounded
 * page at a time, newest first.
 *
 * <p>Order: creation time, newest first; conversations created at the same microsecond by file
 * name, descending. The order is total, so paging with {@link ArchivePage#next()} lists every
 * conversation that stays in the archive meanwhile exactly once, whatever is saved between two
 * pages (a conversation archived after the first page appears on a later page only if it is
 * older than the cursor).
 */
public interface ArchiveSearch {

    /**
     * One page of the conversations matching {@code query}, continuing after {@code page.after()}.
     * {@link ArchivePage#partial()} is true while the index is being built and may miss files.
     *
     * @throws dev.parley.domain.InvalidInputException if the cursor was given for another query, or
     *         the text holds nothing to search for (field {@code cursor} or {@code q})
     * @throws dev.parley.domain.StorageUnavailableException if the index cannot be read
     */
    ArchivePage search(ArchiveQuery query, ArchivePageRequest page);
}

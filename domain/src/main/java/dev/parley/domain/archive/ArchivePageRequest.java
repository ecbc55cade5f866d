package dev.parley.domain.archive;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/** Which page of a search: at most {@code limit} conversations, after {@code after} (the first page without it). */
public record ArchivePageRequest(int limit, Optional<ArchiveCursor> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public ArchivePageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException(InputField.PAGE_LIMIT, "must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        after = Objects.requireNonNullElse(after, Optional.empty());
    }

    /** The first {@value #DEFAULT_LIMIT} conversations. */
    public static ArchivePageRequest first() {
        return new ArchivePageRequest(DEFAULT_LIMIT, Optional.empty());
    }

    public static ArchivePageRequest first(int limit) {
        return new ArchivePageRequest(limit, Optional.empty());
    }

    public static ArchivePageRequest after(ArchiveCursor cursor, int limit) {
        return new ArchivePageRequest(limit, Optional.of(cursor));
    }

    /**
     * The position to continue from when searching {@code query}.
     *
     * @throws InvalidInputException (field {@code cursor}) if the cursor was given for another query
     */
    public Optional<ArchiveCursor> positionFor(ArchiveQuery query) {
        if (after.isPresent() && after.get().queryFingerprint() != query.fingerprint()) {
            throw new InvalidInputException(InputField.PAGE_CURSOR, "was given for a search with other filters: "
                    + "repeat that search's filters unchanged with it, or start again without a cursor");
        }
        return after;
    }
}

package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.archive.ArchiveCursor;
import dev.parley.domain.archive.ArchivePage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of an archive search: the conversations, newest first; the cursor of the next page
 * (null on the last); and whether the archive's index was still being built, so that
 * conversations may be missing.
 */
@Schema(name = "ArchivePage")
@JsonPropertyOrder({"items", "next_cursor", "partial"})
public record ArchivePageJson(
        @JsonProperty("items") List<ArchivedConversationJson> items,
        @JsonProperty("next_cursor") @Schema(nullable = true,
                description = "Pass as cursor, with the same filters, for the next page; null when this page is the last")
        String nextCursor,
        @JsonProperty("partial") @Schema(description = "true while the archive index is being built or caught up: conversations may be missing")
        boolean partial) {

    static ArchivePageJson fromDomain(ArchivePage page) {
        return new ArchivePageJson(page.items().stream().map(ArchivedConversationJson::fromDomain).toList(),
                page.next().map(ArchiveCursor::token).orElse(null), page.partial());
    }
}

package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.domain.archive.ArchiveListing;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The archive files that matched a listing's filters, and those that could not be read, each with the reason. */
@Schema(name = "ArchiveList")
public record ArchiveListJson(
        @JsonProperty("conversations") List<ArchivedConversationJson> conversations,
        @JsonProperty("unreadable") List<Unreadable> unreadable) {

    /** A file that looks like an archive but could not be read. */
    @Schema(name = "UnreadableArchive")
    public record Unreadable(@JsonProperty("filename") String filename, @JsonProperty("reason") String reason) {
    }

    static ArchiveListJson fromDomain(ArchiveListing listing) {
        return new ArchiveListJson(
                listing.conversations().stream().map(ArchivedConversationJson::fromDomain).toList(),
                listing.unreadable().stream().map(u -> new Unreadable(u.fileName(), u.reason())).toList());
    }
}

package dev.parley.adapters.http;

import dev.parley.application.port.in.SearchArchive;
import dev.parley.domain.archive.ArchiveCursor;
import dev.parley.domain.archive.ArchivePageRequest;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The archived conversations: a search a page at a time, and one file by name.
 *
 * <p>A page is answered as one bounded body rather than written item by item: the index reads
 * the page in one step from one consistent view, and it is at most {@value ArchivePageRequest#MAX_LIMIT}
 * conversations, each a listing line and at most three snippets of at most 200 characters (about
 * 1.5 KiB: under a MiB per page whatever the archive's size). Writing it item by item would save
 * no more than that buffer, and an error met while reading the page can still be answered as a
 * JSON error with its status, which a half-written stream cannot.
 */
@Controller(value = "/archive", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "archive")
@ErrorResponses.Unauthorized
@ErrorResponses.Unavailable
final class ArchiveController {

    private final SearchArchive archive;

    ArchiveController(SearchArchive archive) {
        this.archive = archive;
    }

    @Get
    @Operation(summary = "Search archived conversations, newest first, a page at a time",
            description = "Every filter is optional and they combine with AND; an empty value means no filter. Dates are UTC"
                    + " creation days, both ends inclusive. Follow next_cursor, with the same filters, for the next page.")
    @ApiResponse(responseCode = "400", description = "invalid_id (guild_id, participant, requester), invalid_date (from, to),"
            + " invalid_message_type, invalid_cursor (cut, altered, or given for other filters), invalid_input (limit, q)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    ArchivePageJson search(
            @QueryValue("guild_id") @Nullable String guildId,
            @QueryValue("participant") @Nullable @Parameter(description = "a user who wrote in the conversation") String participant,
            @QueryValue("requester") @Nullable @Parameter(description = "the user who started the conversation") String requester,
            @QueryValue("from") @Nullable @Parameter(description = "first UTC creation day, yyyy-mm-dd") String from,
            @QueryValue("to") @Nullable @Parameter(description = "last UTC creation day, yyyy-mm-dd") String to,
            @QueryValue("message_type") @Nullable @Parameter(description = "conversations holding a message of this type"
                    + " (chat, thinking, tool_call, tool_call_response); with q, the words are looked for in those messages only")
            String messageType,
            @QueryValue("q") @Nullable @Parameter(description = "full text over summaries and messages: words that must all appear,"
                    + " \"a phrase\", -excluded, either | or, prefix*; at most 500 characters") String q,
            @QueryValue("limit") @Nullable @Parameter(description = "conversations per page, 1 to 500", schema = @Schema(type = "integer",
                    minimum = "1", maximum = "500", defaultValue = "50")) String limit,
            @QueryValue("cursor") @Nullable @Parameter(description = "the previous page's next_cursor") String cursor) {
        Optional<GuildId> guild = Ids.present(guildId).map(Ids::guild);
        Optional<UserId> participantId = Ids.present(participant).map(value -> Ids.user("participant", value));
        Optional<UserId> requesterId = Ids.present(requester).map(value -> Ids.user("requester", value));
        Optional<LocalDate> first = Ids.present(from).map(value -> WireTime.parseDate("from", value));
        Optional<LocalDate> last = Ids.present(to).map(value -> WireTime.parseDate("to", value));
        Optional<MessageType> type = Ids.present(messageType).map(MessageJson::type);
        ArchiveQuery query = new ArchiveQuery(guild, participantId, requesterId, first, last, type, Ids.present(q));
        int pageSize = Ids.present(limit).map(ArchiveController::limit).orElse(ArchivePageRequest.DEFAULT_LIMIT);
        ArchivePageRequest page = Ids.present(cursor)
                .map(token -> ArchivePageRequest.after(ArchiveCursor.parse(token), pageSize))
                .orElseGet(() -> ArchivePageRequest.first(pageSize));
        return ArchivePageJson.fromDomain(archive.search(query, page));
    }

    @Get("/{filename}")
    @Operation(summary = "One archived conversation by file name")
    @ErrorResponses.ArchiveFileNotFound
    @ApiResponse(responseCode = "500", description = "unreadable_archive: the file exists but is not a readable archive (logged)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    ConversationJson get(@PathVariable("filename") String filename) {
        return ConversationJson.fromTranscript(archive.read(filename).orElseThrow(() -> notFound(filename)));
    }

    /** A whole number; its range is the page request's rule. */
    private static int limit(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(ErrorCodes.INVALID_INPUT, "limit must be a whole number from 1 to "
                    + ArchivePageRequest.MAX_LIMIT + ", got " + WireTime.quoted(value));
        }
    }

    private static ApiException notFound(String filename) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.ARCHIVE_FILE_NOT_FOUND, "no archive file named "
                + WireTime.quoted(filename) + "; GET /archive lists them");
    }
}

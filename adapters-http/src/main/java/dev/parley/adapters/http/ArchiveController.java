package dev.parley.adapters.http;

import dev.parley.application.port.in.SearchArchive;
import dev.parley.domain.archive.ArchiveQuery;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Optional;

/** The archived conversations: a filtered listing, and one file by name. */
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
    @Operation(summary = "List archived conversations; dates are UTC creation days, both ends inclusive")
    @ErrorResponses.BadRequest
    ArchiveListJson list(@QueryValue("guild_id") @Nullable String guildId, @QueryValue("participant") @Nullable String participant,
            @QueryValue("from") @Nullable String from, @QueryValue("to") @Nullable String to) {
        Optional<GuildId> guild = Ids.present(guildId).map(Ids::guild);
        Optional<UserId> user = Ids.present(participant).map(value -> Ids.user("participant", value));
        Optional<LocalDate> first = Ids.present(from).map(value -> WireTime.parseDate("from", value));
        Optional<LocalDate> last = Ids.present(to).map(value -> WireTime.parseDate("to", value));
        return ArchiveListJson.fromDomain(archive.search(new ArchiveQuery(guild, user, first, last)));
    }

    @Get("/{filename}")
    @Operation(summary = "One archived conversation by file name")
    @ErrorResponses.ArchiveFileNotFound
    @ApiResponse(responseCode = "500", description = "unreadable_archive: the file exists but is not a readable archive (logged)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    ConversationJson get(@PathVariable("filename") String filename) {
        return ConversationJson.fromTranscript(archive.read(filename).orElseThrow(() -> notFound(filename)));
    }

    private static ApiException notFound(String filename) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.ARCHIVE_FILE_NOT_FOUND, "no archive file named "
                + WireTime.quoted(filename) + "; GET /archive lists them");
    }
}

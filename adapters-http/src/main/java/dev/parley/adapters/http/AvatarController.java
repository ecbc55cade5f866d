package dev.parley.adapters.http;

import dev.parley.application.port.in.AvatarNotFoundException;
import dev.parley.application.port.in.BrowseAvatars;
import dev.parley.application.port.in.ReadNarratives;
import dev.parley.domain.avatar.AvatarId;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The avatar catalogue as it is now, and each avatar's narratives. */
@Controller(value = "/avatars", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "avatars")
@ErrorResponses.Unauthorized
final class AvatarController {

    private final BrowseAvatars browseAvatars;
    private final ReadNarratives readNarratives;

    AvatarController(BrowseAvatars browseAvatars, ReadNarratives readNarratives) {
        this.browseAvatars = browseAvatars;
        this.readNarratives = readNarratives;
    }

    @Get
    @Operation(summary = "Every avatar of the catalogue, in its order")
    AvatarListJson list() {
        return new AvatarListJson(browseAvatars.all().stream().map(AvatarJson::fromDomain).toList());
    }

    @Get("/{avatar_id}")
    @Operation(summary = "One avatar of the catalogue")
    @ErrorResponses.BadRequest
    @ErrorResponses.AvatarNotFound
    AvatarJson get(@PathVariable("avatar_id") String avatarId) {
        AvatarId avatar = AvatarId.of(avatarId);
        return browseAvatars.find(avatar).map(AvatarJson::fromDomain).orElseThrow(() -> new AvatarNotFoundException(avatar));
    }

    @Get("/{avatar_id}/narratives")
    @Operation(summary = "The avatar's kept narratives, newest first")
    @ErrorResponses.BadRequest
    @ErrorResponses.AvatarNotFound
    @ErrorResponses.Unavailable
    NarrativesJson narratives(@PathVariable("avatar_id") String avatarId) {
        AvatarId avatar = AvatarId.of(avatarId);
        return NarrativesJson.fromDomain(avatar, readNarratives.narratives(avatar));
    }
}

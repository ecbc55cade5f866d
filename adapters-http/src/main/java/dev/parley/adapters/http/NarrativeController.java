package dev.parley.adapters.http;

import dev.parley.application.port.in.TakeNarrativeSlot;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The global narrative slot: take it before generating a narrative, so at most one runs per cooldown. */
@Controller(value = "/narratives", produces = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "replies")
@ErrorResponses.Unauthorized
final class NarrativeController {

    private final TakeNarrativeSlot narrativeSlot;

    NarrativeController(TakeNarrativeSlot narrativeSlot) {
        this.narrativeSlot = narrativeSlot;
    }

    @Post("/slot")
    @Operation(summary = "Take the global narrative slot if the narrative cooldown is not running",
            description = "Never 503: when storage is unavailable the slot is refused with reason storage_unavailable")
    GateDecisionJson slot() {
        return GateDecisionJson.fromDomain(narrativeSlot.take());
    }
}

package dev.parley.adapters.http;

import dev.parley.application.port.in.AddMessage;
import dev.parley.application.port.in.ConversationNotFoundException;
import dev.parley.application.port.in.ConversationQuery;
import dev.parley.application.port.in.GetConversation;
import dev.parley.application.port.in.ListConversations;
import dev.parley.application.port.in.NewConversation;
import dev.parley.application.port.in.RemoveConversation;
import dev.parley.application.port.in.SaveConversations;
import dev.parley.application.port.in.StartConversation;
import dev.parley.application.port.in.UpdateSummary;
import dev.parley.domain.conversation.AppendOutcome;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The Echo document's conversation operations over HTTP: create, add a message, get, is-thread, list, summary, remove, save. */
@Controller(value = "/conversations", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "conversations")
@ErrorResponses.Unauthorized
@ErrorResponses.Unavailable
final class ConversationController {

    private final StartConversation startConversation;
    private final AddMessage addMessage;
    private final GetConversation getConversation;
    private final ListConversations listConversations;
    private final UpdateSummary updateSummary;
    private final RemoveConversation removeConversation;
    private final SaveConversations saveConversations;
    private final Clock clock;

    /** {@code clock} stamps a message sent without {@code created_at} with the time it arrived. */
    ConversationController(StartConversation startConversation, AddMessage addMessage, GetConversation getConversation,
            ListConversations listConversations, UpdateSummary updateSummary, RemoveConversation removeConversation,
            SaveConversations saveConversations, Clock clock) {
        this.startConversation = startConversation;
        this.addMessage = addMessage;
        this.getConversation = getConversation;
        this.listConversations = listConversations;
        this.updateSummary = updateSummary;
        this.removeConversation = removeConversation;
        this.saveConversations = saveConversations;
        this.clock = clock;
    }

    @Post
    @Operation(summary = "Start a conversation in a thread")
    @ErrorResponses.BadRequest
    @ApiResponse(responseCode = "201", description = "the new conversation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConversationJson.class)))
    @ErrorResponses.ConversationExists
    @ErrorResponses.PayloadTooLarge
    HttpResponse<ConversationJson> create(@Body CreateConversationRequest request) {
        ThreadId thread = Ids.thread(required(request.threadId(), "thread_id", "the Discord thread's snowflake id"));
        GuildId guild = Ids.guild(required(request.guildId(), "guild_id", "the Discord server's snowflake id"));
        String guildName = required(request.guildName(), "guild_name", "the Discord server's name (it may be empty)");
        UserId requester = Ids.user("requester", required(request.requester(), "requester", "the Discord user id who started it"));
        Conversation created = startConversation.start(new NewConversation(thread, guild, guildName, requester));
        return HttpResponse.created(ConversationJson.fromDomain(created, created.fileName()));
    }

    @Get
    @Operation(summary = "List live conversations, optionally of one guild or with one participant")
    @ErrorResponses.BadRequest
    ConversationListJson list(@QueryValue("guild_id") @Nullable String guildId, @QueryValue("participant") @Nullable String participant) {
        Optional<GuildId> guild = Ids.present(guildId).map(Ids::guild);
        Optional<UserId> user = Ids.present(participant).map(value -> Ids.user("participant", value));
        return new ConversationListJson(listConversations.list(new ConversationQuery(guild, user)).stream()
                .map(ConversationLineJson::fromDomain)
                .toList());
    }

    /** Also answers HEAD (Micronaut derives it from GET): 200 if the thread has a live conversation, 404 if not. */
    @Get("/{thread_id}")
    @Operation(summary = "The live conversation of a thread; HEAD tells whether there is one (200) or not (404)")
    @ErrorResponses.BadRequest
    @ErrorResponses.ConversationNotFound
    ConversationJson get(@PathVariable("thread_id") String threadId) {
        Conversation conversation = live(Ids.thread(threadId));
        return ConversationJson.fromDomain(conversation, conversation.fileName());
    }

    @Post("/{thread_id}/messages")
    @Operation(summary = "Add a message; resets the conversation's idle time")
    @ErrorResponses.BadRequest
    @ApiResponse(responseCode = "201", description = "appended",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppendResultJson.class)))
    @ApiResponse(responseCode = "200", description = "duplicate: a message with this message_id is already in the history; nothing changed",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppendResultJson.class)))
    @ErrorResponses.ConversationNotFound
    @ErrorResponses.ConversationFull
    @ErrorResponses.PayloadTooLarge
    HttpResponse<AppendResultJson> addMessage(@PathVariable("thread_id") String threadId, @Body MessageJson message) {
        ThreadId thread = Ids.thread(threadId);
        AppendOutcome outcome = addMessage.add(thread, message.toDomain(clock.instant()));
        if (outcome == AppendOutcome.DUPLICATE) {
            return HttpResponse.ok(new AppendResultJson(thread.value(), "duplicate"));
        }
        return HttpResponse.status(HttpStatus.CREATED).body(new AppendResultJson(thread.value(), "appended"));
    }

    @Put("/{thread_id}/summary")
    @Operation(summary = "Replace the conversation's summary")
    @ErrorResponses.BadRequest
    @ErrorResponses.ConversationNotFound
    @ErrorResponses.PayloadTooLarge
    SummaryJson updateSummary(@PathVariable("thread_id") String threadId, @Body SummaryJson request) {
        ThreadId thread = Ids.thread(threadId);
        String summary = required(request.summary(), "summary", "the new summary text (it may be empty)");
        updateSummary.update(thread, summary);
        return new SummaryJson(thread.value(), summary);
    }

    @Delete("/{thread_id}")
    @Operation(summary = "Remove the conversation from live state without saving it")
    @ErrorResponses.BadRequest
    @ApiResponse(responseCode = "204", description = "removed")
    @ErrorResponses.ConversationNotFound
    HttpResponse<Void> remove(@PathVariable("thread_id") String threadId) {
        ThreadId thread = Ids.thread(threadId);
        if (!removeConversation.remove(thread)) {
            throw notFound(thread);
        }
        return HttpResponse.noContent();
    }

    @Post("/{thread_id}/save")
    @Operation(summary = "Save the conversation to the archive now; it stays live")
    @ErrorResponses.BadRequest
    @ErrorResponses.ConversationNotFound
    SaveResultJson save(@PathVariable("thread_id") String threadId) {
        ThreadId thread = Ids.thread(threadId);
        return new SaveResultJson(thread.value(), true, saveConversations.save(thread));
    }

    @Post("/save")
    @Operation(summary = "Save every live conversation; answers, per thread id, whether it was saved")
    Map<String, Boolean> saveAll() {
        Map<String, Boolean> results = new LinkedHashMap<>();
        saveConversations.saveAll().forEach((thread, saved) -> results.put(thread.value(), saved));
        return results;
    }

    private Conversation live(ThreadId thread) {
        return getConversation.find(thread).orElseThrow(() -> notFound(thread));
    }

    private static ConversationNotFoundException notFound(ThreadId thread) {
        return new ConversationNotFoundException(thread, "thread " + thread + " has no live conversation");
    }

    private static String required(String value, String field, String what) {
        if (value == null) {
            throw ApiException.missingField(field, what);
        }
        return value;
    }
}

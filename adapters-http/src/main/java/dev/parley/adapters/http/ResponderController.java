package dev.parley.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.application.port.in.ChannelMessage;
import dev.parley.application.port.in.HandleChannelMessage;
import dev.parley.application.port.in.ReadChannelSummary;
import dev.parley.application.port.in.RespondInChannel;
import dev.parley.application.port.in.RespondRequest;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;

/**
 * The avatars answering in a channel, for bots in any language: hand Parley a message and stream
 * what happens (who answers, the replies to post), ask one avatar to answer now, read an avatar's
 * summary of the channel.
 */
@Controller(value = "/channels/{channel_id}", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "responder")
@ErrorResponses.BadRequest
@ErrorResponses.Unauthorized
final class ResponderController {

    /** Newline-delimited JSON: one object per line. */
    static final String NDJSON = "application/x-ndjson";

    private final HandleChannelMessage handleChannelMessage;
    private final RespondInChannel respondInChannel;
    private final ReadChannelSummary readChannelSummary;
    private final ObjectMapper json;
    private final Clock clock;

    ResponderController(HandleChannelMessage handleChannelMessage, RespondInChannel respondInChannel, ReadChannelSummary readChannelSummary,
            ObjectMapper json, Clock clock) {
        this.handleChannelMessage = handleChannelMessage;
        this.respondInChannel = respondInChannel;
        this.readChannelSummary = readChannelSummary;
        this.json = json;
        this.clock = clock;
    }

    @Post(value = "/messages", produces = NDJSON)
    @Operation(summary = "A message arrived in the channel: record it, let the avatars answer, and stream what happens as NDJSON",
            description = "One JSON object per line, each with an event: recorded, activated, reply (post it), paced, skipped, and done last."
                    + " The conversation of the channel is started if there is none.")
    @ApiResponse(responseCode = "200", description = "the events, one JSON object per line, each one of these",
            content = @Content(mediaType = NDJSON, schema = @Schema(oneOf = {ChannelEventJson.Recorded.class,
                    ChannelEventJson.Activated.class, ChannelEventJson.Reply.class, ChannelEventJson.Paced.class,
                    ChannelEventJson.Skipped.class, ChannelEventJson.Done.class})))
    @ErrorResponses.ModelNotConfigured
    @ErrorResponses.Unavailable
    @ErrorResponses.ConversationFull
    @ErrorResponses.PayloadTooLarge
    HttpResponse<Publisher<byte[]>> messages(@PathVariable("channel_id") String channelId, @Body ChannelMessageJson request) {
        ChannelMessage message = channelMessage(ChannelId.of(channelId), request);
        EventStream stream = EventStream.start(handleChannelMessage, message, json);
        stream.awaitStart();
        return HttpResponse.ok(stream.lines()).contentType(NDJSON);
    }

    @Post("/respond")
    @Operation(summary = "Ask one avatar to answer a message now; the caller posts the chunks",
            description = "The gate is asked once, without waiting. Admitted: the reply is generated, recorded and returned."
                    + " Denied: admitted false with the reason and retry_after_ms.")
    @ErrorResponses.ConversationNotFound
    @ErrorResponses.AvatarNotFound
    @ErrorResponses.ReplyFailed
    @ErrorResponses.ModelNotConfigured
    @ErrorResponses.PayloadTooLarge
    RespondJson respond(@PathVariable("channel_id") String channelId, @Body ReplyRequestJson request) {
        ChannelId channel = ChannelId.of(channelId);
        if (request.avatarId() == null) {
            throw ApiException.missingField("avatar_id", "the avatar to answer (1-64 letters, digits, _ or -)");
        }
        if (request.triggerMessageId() == null) {
            throw ApiException.missingField("trigger_message_id", "the snowflake id of the message being answered");
        }
        RespondRequest respond = new RespondRequest(channel, AvatarId.of(request.avatarId()),
                Ids.message("trigger_message_id", request.triggerMessageId()), Boolean.TRUE.equals(request.overrideCooldown()));
        return RespondJson.fromDomain(respondInChannel.respond(respond));
    }

    @Get("/summaries/{avatar_id}")
    @Operation(summary = "An avatar's latest summary of the channel's conversation")
    @ApiResponse(responseCode = "404", description = "summary_not_found: the avatar has written no summary of this channel",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ErrorResponses.Unavailable
    ChannelSummaryJson summary(@PathVariable("channel_id") String channelId, @PathVariable("avatar_id") String avatarId) {
        ChannelId channel = ChannelId.of(channelId);
        AvatarId avatar = AvatarId.of(avatarId);
        return readChannelSummary.find(channel, avatar).map(ChannelSummaryJson::fromDomain)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.SUMMARY_NOT_FOUND,
                        "avatar " + avatar.value() + " has written no summary of channel " + channel.value() + " yet"));
    }

    private ChannelMessage channelMessage(ChannelId channel, ChannelMessageJson request) {
        MessageId id = Ids.message("message_id", required(request.messageId(), "message_id", "the snowflake id of the message"));
        var guild = Ids.guild(required(request.guildId(), "guild_id", "the Discord server's snowflake id"));
        String guildName = required(request.guildName(), "guild_name", "the Discord server's name (it may be empty)");
        var author = Ids.user("author_id", required(request.authorId(), "author_id", "the snowflake id of who wrote it"));
        String authorName = required(request.authorName(), "author_name", "the display name of who wrote it");
        String content = required(request.content(), "content", "the text of the message (it may be empty)");
        Optional<MessageId> replyTo = Optional.ofNullable(request.replyToMessageId()).map(value -> Ids.message("reply_to_message_id", value));
        List<String> summonedIds = request.summoned() == null ? List.of() : request.summoned();
        if (summonedIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.invalid(ErrorCodes.INVALID_INPUT, "summoned must be a list of avatar ids, got a null entry");
        }
        List<AvatarId> summoned = summonedIds.stream().map(AvatarId::of).toList();
        return new ChannelMessage(channel, guild, guildName, id, author, authorName, Boolean.TRUE.equals(request.authorIsBot()), content,
                replyTo, summoned, clock.instant());
    }

    private static String required(String value, String field, String what) {
        if (value == null) {
            throw ApiException.missingField(field, what);
        }
        return value;
    }
}

package dev.parley.adapters.http;

import dev.parley.application.port.in.ActivateAvatar;
import dev.parley.application.port.in.DecideReply;
import dev.parley.application.port.in.ListActiveAvatars;
import dev.parley.domain.avatar.AvatarId;
import dev.parley.domain.id.ChannelId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.reply.ReplyRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The reply gate and the active-avatar roster of a channel, for bots in any language: may an
 * avatar answer a message now, and which avatars are present. Decisions are atomic and shared by
 * every instance on the same storage.
 */
@Controller(value = "/channels/{channel_id}", produces = MediaType.APPLICATION_JSON, consumes = MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "replies")
@ErrorResponses.BadRequest
@ErrorResponses.Unauthorized
final class ChannelController {

    private final DecideReply decideReply;
    private final ActivateAvatar activateAvatar;
    private final ListActiveAvatars listActiveAvatars;

    ChannelController(DecideReply decideReply, ActivateAvatar activateAvatar, ListActiveAvatars listActiveAvatars) {
        this.decideReply = decideReply;
        this.activateAvatar = activateAvatar;
        this.listActiveAvatars = listActiveAvatars;
    }

    @Post("/replies")
    @Operation(summary = "Ask whether an avatar may reply to a trigger message now; an admission takes the cooldowns",
            description = "Never 503: when storage is unavailable the gate fails closed with admitted false, reason storage_unavailable")
    @ErrorResponses.PayloadTooLarge
    GateDecisionJson reply(@PathVariable("channel_id") String channelId, @Body ReplyRequestJson request) {
        ChannelId channel = ChannelId.of(channelId);
        if (request.avatarId() == null) {
            throw ApiException.missingField("avatar_id", "the avatar asking to reply (1-64 letters, digits, _ or -)");
        }
        if (request.triggerMessageId() == null) {
            throw ApiException.missingField("trigger_message_id", "the snowflake id of the message being answered");
        }
        AvatarId avatar = AvatarId.of(request.avatarId());
        MessageId trigger = Ids.message("trigger_message_id", request.triggerMessageId());
        boolean override = Boolean.TRUE.equals(request.overrideCooldown());
        return GateDecisionJson.fromDomain(decideReply.decide(new ReplyRequest(channel, avatar, trigger, override)));
    }

    @Post("/avatars/{avatar_id}/activate")
    @Operation(summary = "Make an avatar active in the channel (summoned or mentioned); rotates out the stalest beyond the cap")
    @ErrorResponses.Unavailable
    ActivationJson activate(@PathVariable("channel_id") String channelId, @PathVariable("avatar_id") String avatarId) {
        return ActivationJson.fromDomain(activateAvatar.activate(ChannelId.of(channelId), AvatarId.of(avatarId)));
    }

    @Post("/avatars/{avatar_id}/touch")
    @Operation(summary = "Record that an avatar spoke or was mentioned (activates it if it was not active)")
    @ErrorResponses.Unavailable
    ActivationJson touch(@PathVariable("channel_id") String channelId, @PathVariable("avatar_id") String avatarId) {
        return ActivationJson.fromDomain(activateAvatar.touch(ChannelId.of(channelId), AvatarId.of(avatarId)));
    }

    @Get("/avatars")
    @Operation(summary = "The channel's active avatars, most recently active first")
    @ErrorResponses.Unavailable
    ActiveAvatarsJson active(@PathVariable("channel_id") String channelId) {
        return new ActiveAvatarsJson(PresenceJson.fromDomain(listActiveAvatars.active(ChannelId.of(channelId))));
    }
}

package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** May this avatar reply to that message in this channel now? {@code override_cooldown} skips time cooldowns, never the cap. */
@Schema(name = "ReplyRequest")
public record ReplyRequestJson(
        @JsonProperty("avatar_id") String avatarId,
        @JsonProperty("trigger_message_id") String triggerMessageId,
        @JsonProperty("override_cooldown") Boolean overrideCooldown) {
}

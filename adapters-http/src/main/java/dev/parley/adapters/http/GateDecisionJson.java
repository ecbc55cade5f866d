package dev.parley.adapters.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.parley.domain.reply.DenialReason;
import dev.parley.domain.reply.GateDecision;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The gate's answer: {@code {"admitted": true}}, or {@code {"admitted": false, "reason": ..., "retry_after_ms": ...}}
 * where {@code retry_after_ms} is 0 for a final denial ({@code responders_full}).
 */
@Schema(name = "GateDecision")
@JsonPropertyOrder({"admitted", "reason", "retry_after_ms"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateDecisionJson(
        @JsonProperty("admitted") boolean admitted,
        @JsonProperty("reason") String reason,
        @JsonProperty("retry_after_ms") Long retryAfterMs) {

    static GateDecisionJson fromDomain(GateDecision decision) {
        return switch (decision) {
            case GateDecision.Admitted admitted -> new GateDecisionJson(true, null, null);
            case GateDecision.Denied denied -> new GateDecisionJson(false, reasonName(denied.reason()), retryMillis(denied));
        };
    }

    /** Rounded up: waiting exactly this long must be enough. */
    private static long retryMillis(GateDecision.Denied denied) {
        long nanos = denied.retryAfter().toNanos();
        return nanos / 1_000_000 + (nanos % 1_000_000 == 0 ? 0 : 1);
    }

    /** The API's name of a denial reason ({@code bot_reply_cooldown}). */
    static String reasonName(DenialReason reason) {
        return switch (reason) {
            case AVATAR_COOLDOWN -> "avatar_cooldown";
            case BOT_REPLY_COOLDOWN -> "bot_reply_cooldown";
            case RESPONDERS_FULL -> "responders_full";
            case NARRATIVE_COOLDOWN -> "narrative_cooldown";
            case STORAGE_UNAVAILABLE -> "storage_unavailable";
        };
    }
}

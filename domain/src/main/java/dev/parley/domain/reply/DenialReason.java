package dev.parley.domain.reply;

import dev.parley.domain.InvalidInputException;

/** Why the {@link ReplyGate} said no, with the name the HTTP API uses for it. */
public enum DenialReason {

    /** The avatar itself replied in this channel less than the avatar response cooldown ago. */
    AVATAR_COOLDOWN("avatar_cooldown", true),
    /** Some avatar replied in this channel less than the bot-reply cooldown ago. */
    BOT_REPLY_COOLDOWN("bot_reply_cooldown", true),
    /** The trigger message already has its maximum of distinct responders; retrying never helps. */
    RESPONDERS_FULL("responders_full", false),
    /** A narrative was started less than the narrative cooldown ago. */
    NARRATIVE_COOLDOWN("narrative_cooldown", true),
    /** The gate's backing service failed: the gate fails closed rather than admit blindly. */
    STORAGE_UNAVAILABLE("storage_unavailable", true);

    private final String wireName;
    private final boolean retryable;

    DenialReason(String wireName, boolean retryable) {
        this.wireName = wireName;
        this.retryable = retryable;
    }

    /** The snake_case name used on the wire ({@code bot_reply_cooldown}). */
    public String wireName() {
        return wireName;
    }

    /** Whether asking again after {@code retryAfter} can pass; false means the answer is final. */
    public boolean retryable() {
        return retryable;
    }

    /** The reason named {@code wireName}, throwing {@link InvalidInputException} for an unknown name. */
    public static DenialReason fromWireName(String wireName) {
        for (DenialReason reason : values()) {
            if (reason.wireName.equals(wireName)) {
                return reason;
            }
        }
        throw new InvalidInputException("reason", "reason must be one of avatar_cooldown, bot_reply_cooldown, responders_full, "
                + "narrative_cooldown, storage_unavailable, got " + (wireName == null ? "nothing" : "\"" + wireName + "\""));
    }
}

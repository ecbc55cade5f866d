package dev.parley.domain.reply;

/** Why the {@link ReplyGate} said no. */
public enum DenialReason {

    /** The avatar itself replied in this channel less than the avatar response cooldown ago. */
    AVATAR_COOLDOWN(true),
    /** Some avatar replied in this channel less than the bot-reply cooldown ago. */
    BOT_REPLY_COOLDOWN(true),
    /** The trigger message already has its maximum of distinct responders; retrying never helps. */
    RESPONDERS_FULL(false),
    /** A narrative was started less than the narrative cooldown ago. */
    NARRATIVE_COOLDOWN(true),
    /** The gate's backing service failed: the gate fails closed rather than admit blindly. */
    STORAGE_UNAVAILABLE(true);

    private final boolean retryable;

    DenialReason(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether asking again after {@code retryAfter} can pass; false means the answer is final. */
    public boolean retryable() {
        return retryable;
    }
}

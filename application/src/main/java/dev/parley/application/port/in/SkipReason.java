package dev.parley.application.port.in;

import dev.parley.domain.llm.ModelCallException;
import dev.parley.domain.reply.DenialReason;

/** Why an avatar chosen for a message does not answer it ({@link ChannelEvent.Skipped}); adapters name each their own way. */
public enum SkipReason {
    /** The message ends a chain of bot replies as long as the chain limit: nobody answers it. */
    CHAIN_LIMIT,
    /** The gate: the avatar's own cooldown in the channel runs longer than the longest wait. */
    AVATAR_COOLDOWN,
    /** The gate: the channel's bot-reply cooldown runs longer than the longest wait. */
    BOT_REPLY_COOLDOWN,
    /** The gate: the message already has its maximum of responders. */
    RESPONDERS_FULL,
    /** Storage (the gate's, the conversation's) failed; nothing was posted. */
    STORAGE_UNAVAILABLE,
    /** No language model is configured. */
    MODEL_NOT_CONFIGURED,
    /** The model did not answer within its timeout. */
    MODEL_TIMEOUT,
    /** The provider kept answering 429 after the allowed retries. */
    MODEL_RATE_LIMITED,
    /** The provider failed or refused the request. */
    MODEL_FAILED,
    /** The shared budget of model calls is spent for now. */
    BUDGET_EXHAUSTED,
    /** Nothing was left to post once reasoning and the name prefix were taken out. */
    EMPTY_REPLY,
    /** The platform refused or failed the post. */
    POST_FAILED,
    /** The handling thread was interrupted (shutdown) while the avatar waited or generated. */
    INTERRUPTED,
    /** Parley itself failed unexpectedly (a bug); the log has the details. */
    INTERNAL_ERROR;

    /** The skip for a final denial of the gate. */
    public static SkipReason of(DenialReason denial) {
        return switch (denial) {
            case AVATAR_COOLDOWN -> AVATAR_COOLDOWN;
            case BOT_REPLY_COOLDOWN -> BOT_REPLY_COOLDOWN;
            case RESPONDERS_FULL -> RESPONDERS_FULL;
            case STORAGE_UNAVAILABLE -> STORAGE_UNAVAILABLE;
            case NARRATIVE_COOLDOWN -> throw new IllegalArgumentException("a reply is never denied for the narrative cooldown");
        };
    }

    /** The skip for a failed model call. */
    public static SkipReason of(ModelCallException.Kind failure) {
        return switch (failure) {
            case NOT_CONFIGURED -> MODEL_NOT_CONFIGURED;
            case BUDGET_EXHAUSTED -> BUDGET_EXHAUSTED;
            case TIMEOUT -> MODEL_TIMEOUT;
            case RATE_LIMITED -> MODEL_RATE_LIMITED;
            case UNAVAILABLE, REJECTED -> MODEL_FAILED;
        };
    }
}

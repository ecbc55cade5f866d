package dev.parley.adapters.http;

import dev.parley.application.port.in.SkipReason;

/** The API's names of why an avatar does not answer ({@code "reason"} of a {@code skipped} line, the code of a failed respond). */
final class SkipReasons {

    private SkipReasons() {
    }

    static String name(SkipReason reason) {
        return switch (reason) {
            case CHAIN_LIMIT -> "chain_limit";
            case AVATAR_COOLDOWN -> "avatar_cooldown";
            case BOT_REPLY_COOLDOWN -> "bot_reply_cooldown";
            case RESPONDERS_FULL -> "responders_full";
            case STORAGE_UNAVAILABLE -> "storage_unavailable";
            case MODEL_NOT_CONFIGURED -> "model_not_configured";
            case MODEL_TIMEOUT -> "model_timeout";
            case MODEL_RATE_LIMITED -> "model_rate_limited";
            case MODEL_FAILED -> "model_failed";
            case BUDGET_EXHAUSTED -> "budget_exhausted";
            case EMPTY_REPLY -> "empty_reply";
            case POST_FAILED -> "post_failed";
            case INTERRUPTED -> "interrupted";
            case INTERNAL_ERROR -> "internal_error";
        };
    }
}

package dev.parley.adapters.http;

import dev.parley.application.port.in.AvatarNotFoundException;
import dev.parley.application.port.in.ModelNotConfiguredException;
import dev.parley.application.port.in.ReplyFailedException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Turns the responder's exceptions into the API's JSON errors. */
@Factory
final class ResponderErrorHandlers {

    @Singleton
    ExceptionHandler<ModelNotConfiguredException, HttpResponse<ApiError>> modelNotConfigured() {
        return (request, e) -> HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(ErrorCodes.MODEL_NOT_CONFIGURED,
                "no language model is configured, so no avatar can answer (docs/language-model.md says how to configure one);"
                        + " nothing was recorded"));
    }

    @Singleton
    ExceptionHandler<AvatarNotFoundException, HttpResponse<ApiError>> avatarNotFound() {
        return (request, e) -> HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(new ApiError(ErrorCodes.AVATAR_NOT_FOUND,
                e.getMessage() + "; GET /avatars lists them"));
    }

    /**
     * A reply that could not be produced: 504 for a timeout, 429 (with {@code Retry-After} when
     * known) for a spent budget or a provider's rate limit, 503 for storage, 502 for the rest.
     */
    @Singleton
    ExceptionHandler<ReplyFailedException, HttpResponse<ApiError>> replyFailed() {
        return (request, e) -> {
            HttpStatus status = switch (e.reason()) {
                case MODEL_TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
                case BUDGET_EXHAUSTED, MODEL_RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
                case STORAGE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
                default -> HttpStatus.BAD_GATEWAY;
            };
            MutableHttpResponse<ApiError> response = HttpResponse.<ApiError>status(status).body(new ApiError(SkipReasons.name(e.reason()),
                    e.getMessage() + "; nothing was recorded and the cooldowns were given back"));
            e.retryAfter().ifPresent(wait -> response.header("Retry-After", Long.toString(Math.max(1, (Millis.roundedUp(wait) + 999) / 1000))));
            return response;
        };
    }
}

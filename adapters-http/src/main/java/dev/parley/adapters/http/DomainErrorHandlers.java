package dev.parley.adapters.http;

import dev.parley.application.port.in.ConversationAlreadyExistsException;
import dev.parley.application.port.in.ConversationFullException;
import dev.parley.application.port.in.ConversationNotFoundException;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.StorageUnavailableException;
import dev.parley.domain.archive.UnreadableArchiveException;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Turns the domain's and the use cases' exceptions into the API's JSON errors. */
@Factory
final class DomainErrorHandlers {

    private static final Logger LOG = System.getLogger(DomainErrorHandlers.class.getName());

    @Singleton
    ExceptionHandler<InvalidInputException, HttpResponse<ApiError>> invalidInput() {
        return (request, e) -> respond(ErrorCodes.statusOf(e), ErrorCodes.forInvalidInput(e),
                ErrorCodes.wireName(e.field()) + " " + e.problem());
    }

    @Singleton
    ExceptionHandler<ConversationFullException, HttpResponse<ApiError>> full() {
        return (request, e) -> respond(HttpStatus.CONFLICT, ErrorCodes.CONVERSATION_FULL, e.getMessage() + "; nothing was stored."
                + " Save it (POST /conversations/{thread_id}/save) and remove it (DELETE /conversations/{thread_id}),"
                + " then start the thread's next conversation");
    }

    @Singleton
    ExceptionHandler<ApiException, HttpResponse<ApiError>> rejected() {
        return (request, e) -> HttpResponse.<ApiError>status(e.status()).body(e.toError());
    }

    @Singleton
    ExceptionHandler<ConversationNotFoundException, HttpResponse<ApiError>> notFound() {
        return (request, e) -> respond(HttpStatus.NOT_FOUND, ErrorCodes.CONVERSATION_NOT_FOUND,
                e.getMessage() + "; create it first with POST /conversations");
    }

    @Singleton
    ExceptionHandler<ConversationAlreadyExistsException, HttpResponse<ApiError>> exists() {
        return (request, e) -> respond(HttpStatus.CONFLICT, ErrorCodes.CONVERSATION_EXISTS,
                e.getMessage() + "; add messages to it, or remove it first");
    }

    @Singleton
    ExceptionHandler<StorageUnavailableException, HttpResponse<ApiError>> storageUnavailable() {
        return (request, e) -> {
            // One line: the message says what failed and why; a stack trace would only repeat it once per request.
            // None if the use case logged it already (a failed save names its thread in an ERROR line).
            if (!e.logged()) {
                LOG.log(Level.WARNING, "storage unavailable during " + describe(request) + ": " + e.getMessage());
            }
            return respond(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.STORAGE_UNAVAILABLE,
                    "storage is unavailable (" + e.getMessage() + "); " + whatToRetry(request));
        };
    }

    @Singleton
    ExceptionHandler<UnreadableArchiveException, HttpResponse<ApiError>> unreadableArchive() {
        return (request, e) -> {
            LOG.log(Level.WARNING, "unreadable archive file: " + e.getMessage());
            return respond(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.UNREADABLE_ARCHIVE,
                    "the archive file exists but cannot be read: " + e.getMessage());
        };
    }

    /** What a caller should retry after a storage failure, and what it may find: true for the route it called. */
    static String whatToRetry(HttpRequest<?> request) {
        String method = request.getMethodName();
        if (method.equals("GET") || method.equals("HEAD")) {
            return "retry the request later; nothing was changed";
        }
        if (method.equals("POST") && request.getPath().endsWith("/messages")) {
            return "retry the same message later. The write may have been applied before it timed out: sent again with the"
                    + " same message_id it is kept once";
        }
        return "retry the request later. A write that timed out may still have been applied, so the retry may find it"
                + " done already (an avatar already active, a conversation already created or removed)";
    }

    private static HttpResponse<ApiError> respond(HttpStatus status, String code, String message) {
        return HttpResponse.<ApiError>status(status).body(new ApiError(code, message));
    }

    private static String describe(HttpRequest<?> request) {
        return request.getMethodName() + " " + request.getPath();
    }
}

package dev.parley.adapters.http;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error answers a route can give, for the generated OpenAPI document: each annotation here
 * stands for one {@code @ApiResponse} with the {@link ApiError} body, so a controller method lists
 * its errors in a line. The codes behind each status are in docs/http-api.md.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    /** 400: an invalid id, malformed JSON, a missing field, an unknown enum value. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "400", description = "Invalid input: invalid_id, malformed_json, missing_field, invalid_message_type, wrong_type,"
            + " invalid_text, nesting_too_deep, ...",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface BadRequest {
    }

    /** 401: a token is configured and the request does not carry it. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "401", description = "unauthorized: an API token is configured and the request does not carry it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface Unauthorized {
    }

    /** 404: no live conversation for the thread. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "404", description = "conversation_not_found: the thread has no live conversation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface ConversationNotFound {
    }

    /** 404: no archive file of that name in the archive directory. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "404", description = "archive_file_not_found: no archive file of that name in the archive directory",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface ArchiveFileNotFound {
    }

    /** 409: the thread already has a live conversation. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "409", description = "conversation_exists: the thread already has a live conversation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface ConversationExists {
    }

    /** 409: the conversation holds its limit of messages or bytes; nothing was stored. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "409", description = "conversation_full: the conversation holds its limit of messages, or the"
            + " message would take it over its limit of bytes; nothing was stored",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface ConversationFull {
    }

    /** 413: the body is over micronaut.server.max-request-size. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "413", description = "payload_too_large: the body is over micronaut.server.max-request-size (1 MiB by default);"
            + " content_too_large: a text is over the configured limit per message (256 KiB of UTF-8 by default)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface PayloadTooLarge {
    }

    /** 503: storage (Redis) or the archive directory cannot be reached; nothing was changed. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "503", description = "storage_unavailable: the store or the archive cannot be reached; retry later",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface Unavailable {
    }

    /** 404: the avatar catalogue has no such avatar. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "404", description = "avatar_not_found: the avatar catalogue has no such avatar",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface AvatarNotFound {
    }

    /** 503: no language model is configured; nothing was recorded. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "503", description = "model_not_configured: no language model is configured; nothing was recorded",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface ModelNotConfigured {
    }

    /** 502, 504 or 429: the reply could not be generated; nothing was recorded and the cooldowns were given back. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @ApiResponse(responseCode = "502", description = "model_failed, model_rate_limited, empty_reply: the reply could not be generated;"
            + " nothing was recorded and the cooldowns were given back (model_timeout answers 504, budget_exhausted and"
            + " model_rate_limited 429 with Retry-After)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @interface ReplyFailed {
    }
}

package dev.parley.adapters.http;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import io.micronaut.http.HttpStatus;

/** The error codes of the API, one per thing a client can get wrong or meet; docs/http-api.md lists them. */
final class ErrorCodes {

    static final String INVALID_ID = "invalid_id";
    static final String INVALID_MESSAGE_TYPE = "invalid_message_type";
    static final String INVALID_TIMESTAMP = "invalid_timestamp";
    static final String INVALID_DATE = "invalid_date";
    static final String INVALID_CURSOR = "invalid_cursor";
    static final String INVALID_INPUT = "invalid_input";
    static final String MISSING_FIELD = "missing_field";
    static final String MISSING_BODY = "missing_body";
    static final String MALFORMED_JSON = "malformed_json";
    static final String WRONG_TYPE = "wrong_type";
    static final String BAD_REQUEST = "bad_request";
    static final String UNAUTHORIZED = "unauthorized";
    static final String NOT_FOUND = "not_found";
    static final String CONVERSATION_NOT_FOUND = "conversation_not_found";
    static final String ARCHIVE_FILE_NOT_FOUND = "archive_file_not_found";
    static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    static final String NOT_ACCEPTABLE = "not_acceptable";
    static final String CONVERSATION_EXISTS = "conversation_exists";
    static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    static final String UNREADABLE_ARCHIVE = "unreadable_archive";
    static final String INTERNAL_ERROR = "internal_error";
    static final String STORAGE_UNAVAILABLE = "storage_unavailable";
    static final String MODEL_NOT_CONFIGURED = "model_not_configured";
    static final String AVATAR_NOT_FOUND = "avatar_not_found";
    static final String SUMMARY_NOT_FOUND = "summary_not_found";
    static final String CONTENT_TOO_LARGE = "content_too_large";
    static final String NESTING_TOO_DEEP = "nesting_too_deep";
    static final String INVALID_TEXT = "invalid_text";
    static final String CONVERSATION_FULL = "conversation_full";
    static final String FORBIDDEN_ORIGIN = "forbidden_origin";
    static final String HEADERS_TOO_LARGE = "headers_too_large";
    static final String URI_TOO_LONG = "uri_too_long";

    private ErrorCodes() {
    }

    /** The code for a domain validation failure: by the rule it broke, else by the input it names. */
    static String forInvalidInput(InvalidInputException e) {
        return switch (e.rule()) {
            case TOO_LARGE -> CONTENT_TOO_LARGE;
            case TOO_DEEP -> NESTING_TOO_DEEP;
            case NOT_UNICODE -> INVALID_TEXT;
            case INVALID -> forInvalidField(e.field());
        };
    }

    /** The status for a domain validation failure: 413 for a value over a size limit, else 400. */
    static HttpStatus statusOf(InvalidInputException e) {
        return e.rule() == InvalidInputException.Rule.TOO_LARGE ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.BAD_REQUEST;
    }

    /** The code for a domain validation failure, chosen by the input it names. */
    static String forInvalidField(InputField field) {
        return switch (field) {
            case THREAD_ID, GUILD_ID, USER_ID, CHANNEL_ID, MESSAGE_ID, AVATAR_ID -> INVALID_ID;
            case FIRST_DAY -> INVALID_DATE;
            case MESSAGE_TYPE -> INVALID_MESSAGE_TYPE;
            case PAGE_CURSOR -> INVALID_CURSOR;
            default -> INVALID_INPUT;
        };
    }

    /** The API's name for an input the domain refused, put in front of the domain's problem in the error message. */
    static String wireName(InputField field) {
        return switch (field) {
            case THREAD_ID -> "thread_id";
            case GUILD_ID -> "guild_id";
            case GUILD_NAME -> "guild_name";
            case USER_ID -> "user_id";
            case CHANNEL_ID -> "channel_id";
            case MESSAGE_ID -> "message_id";
            case MESSAGE_CONTENT -> "message_content";
            case MESSAGE -> "the message";
            case SUMMARY -> "summary";
            case ATTACHMENTS -> "attachment URLs";
            case AUTHOR_NAME -> "meta.author_name";
            case TOOL_CALL -> "a tool call";
            case TOOL_PARAMETERS -> "tool parameters";
            case AVATAR_ID -> "avatar_id";
            case AVATAR_NAME -> "avatar_name";
            case AVATAR_EMOJI -> "avatar_emoji";
            case AVATAR_IMAGE_URL -> "avatar_image_url";
            case FIRST_DAY -> "from";
            case ARCHIVE_FILE_NAME -> "filename";
            case MESSAGE_TYPE -> "message_type";
            case SEARCH_TEXT -> "q";
            case PAGE_LIMIT -> "limit";
            case PAGE_CURSOR -> "cursor";
            case AVATAR_PERSONALITY -> "personality";
            default -> field.inWords();
        };
    }
}

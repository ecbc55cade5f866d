package dev.parley.bootstrap.http;

/** The error codes of the API, one per thing a client can get wrong or meet; docs/http-api.md lists them. */
final class ErrorCodes {

    static final String INVALID_ID = "invalid_id";
    static final String INVALID_MESSAGE_TYPE = "invalid_message_type";
    static final String INVALID_TIMESTAMP = "invalid_timestamp";
    static final String INVALID_DATE = "invalid_date";
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
    static final String ARCHIVE_NOT_CONFIGURED = "archive_not_configured";

    private ErrorCodes() {
    }

    /** The code for a domain validation failure, chosen by the input it names. */
    static String forInvalidField(String field) {
        return switch (field) {
            case "thread_id", "guild_id", "requester", "user_id", "participant", "message_id", "meta.requester",
                    "channel_id", "avatar_id", "trigger_message_id" -> INVALID_ID;
            case "message_type" -> INVALID_MESSAGE_TYPE;
            case "created_at" -> INVALID_TIMESTAMP;
            case "from", "to" -> INVALID_DATE;
            default -> INVALID_INPUT;
        };
    }
}

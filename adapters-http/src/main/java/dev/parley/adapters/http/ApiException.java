package dev.parley.adapters.http;

import io.micronaut.http.HttpStatus;
import java.util.Objects;

/** A request the HTTP layer itself rejects (a missing field, an unknown archive file), with its status and error code. */
final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    ApiException(HttpStatus status, String code, String message) {
        super(Objects.requireNonNull(message, "message == null"), null, false, false);
        this.status = Objects.requireNonNull(status, "status == null");
        this.code = Objects.requireNonNull(code, "code == null");
    }

    /** A 400 for a value the API itself refuses, with its code. */
    static ApiException invalid(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    static ApiException missingField(String field, String what) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.MISSING_FIELD, field + " is required: " + what);
    }

    HttpStatus status() {
        return status;
    }

    ApiError toError() {
        return new ApiError(code, getMessage());
    }
}

package dev.parley.adapters.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gives the errors Micronaut answers by itself (unknown route, wrong method or content type,
 * undecodable or missing body, body too large, failures nobody handled) the API's JSON shape,
 * {@code {"error": ..., "message": ...}}, instead of Micronaut's own.
 */
@Primary
@Singleton
final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

    private static final Logger LOG = System.getLogger(ApiErrorResponseProcessor.class.getName());
    /** The path of the request Netty stands in for one whose request line it could not read. */
    private static final String NETTY_PLACEHOLDER_PATH = "/bad-request";

    @Override
    public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        @SuppressWarnings("unchecked")
        MutableHttpResponse<ApiError> typed = (MutableHttpResponse<ApiError>) response;
        HttpStatus status = correctedStatus(response.code(), context);
        if (status != null) {
            typed.status(status);
        }
        ApiError error = describe(typed.code(), context);
        if (context.getRequest().getMethodName().equals("HEAD")) {
            return typed;
        }
        return typed.body(error).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * The status Micronaut should have answered, or null if it did. Netty refuses a request line or
     * headers over its limits before there is a request to route, and Micronaut answers both 413
     * with no exception behind it (a body over the limit has one): the request line (URL) is too
     * long when Netty had no request line to keep (it stands in {@code GET /bad-request}), else the
     * headers are too large. A selector after {@code /health/} that the health endpoint does not
     * know fails to convert (400, naming Micronaut's types): it is a route that does not exist.
     */
    private static HttpStatus correctedStatus(int status, ErrorContext context) {
        if (status == 413 && context.getRootCause().isEmpty()) {
            return NETTY_PLACEHOLDER_PATH.equals(context.getRequest().getPath()) ? HttpStatus.REQUEST_URI_TOO_LONG
                    : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (status == 400 && context.getRequest().getPath().startsWith("/health/")
                && context.getRootCause().filter(ConversionErrorException.class::isInstance).isPresent()) {
            return HttpStatus.NOT_FOUND;
        }
        return null;
    }

    private static ApiError describe(int status, ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        return switch (status) {
            case 400 -> badRequest(cause, context);
            case 401 -> new ApiError(ErrorCodes.UNAUTHORIZED, "this route needs an Authorization: Bearer <token> header with the configured API token");
            case 404 -> new ApiError(ErrorCodes.NOT_FOUND, "no such route: " + context.getRequest().getMethodName() + " "
                    + WireTime.quoted(context.getRequest().getPath()) + "; see docs/http-api.md for the routes");
            case 405 -> new ApiError(ErrorCodes.METHOD_NOT_ALLOWED, firstMessage(context, "this method is not allowed on this route"));
            case 406 -> new ApiError(ErrorCodes.NOT_ACCEPTABLE, "this route answers application/json only; accept it");
            case 413 -> new ApiError(ErrorCodes.PAYLOAD_TOO_LARGE, "the request body is larger than the configured limit"
                    + " (micronaut.server.max-request-size); send a smaller body");
            case 414 -> new ApiError(ErrorCodes.URI_TOO_LONG, "the request line (method and URL) is longer than the server accepts"
                    + " (micronaut.server.netty.max-initial-line-length, 4096 bytes by default); send a shorter URL");
            case 431 -> new ApiError(ErrorCodes.HEADERS_TOO_LARGE, "the request's headers are larger than the server accepts"
                    + " (micronaut.server.netty.max-header-size, 8192 bytes by default); send fewer or smaller headers");
            case 415 -> new ApiError(ErrorCodes.UNSUPPORTED_MEDIA_TYPE, "send the body as JSON with Content-Type: application/json");
            case 503 -> new ApiError(ErrorCodes.STORAGE_UNAVAILABLE, firstMessage(context, "a backing service is unavailable; retry later"));
            default -> {
                if (status >= 500) {
                    LOG.log(Level.ERROR, "unexpected failure answering " + context.getRequest().getMethodName() + " "
                            + context.getRequest().getPath(), cause);
                    yield new ApiError(ErrorCodes.INTERNAL_ERROR, "an unexpected error occurred; it has been logged");
                }
                yield new ApiError(ErrorCodes.BAD_REQUEST, firstMessage(context, "the request could not be processed"));
            }
        };
    }

    private static ApiError badRequest(Throwable cause, ErrorContext context) {
        // The JSON reader's own refusals, wherever they sit in the chain: they say more than its wrappers.
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamConstraintsException limit && String.valueOf(limit.getOriginalMessage()).contains("nesting depth")) {
                return new ApiError(ErrorCodes.NESTING_TOO_DEEP, "the body nests deeper than the server reads at all ("
                        + parseProblem(t) + "); nest tool parameters less deeply");
            }
            if (t instanceof JsonProcessingException json && String.valueOf(json.getOriginalMessage()).contains("surrogate")) {
                return new ApiError(ErrorCodes.INVALID_TEXT, "the body holds text that is not valid Unicode ("
                        + parseProblem(t) + "): a lone UTF-16 surrogate; escape a character beyond U+FFFF as a surrogate pair");
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsatisfiedBodyRouteException) {
                return new ApiError(ErrorCodes.MISSING_BODY, "this route needs a JSON object as its body; none (or null) was sent");
            }
            if (t instanceof UnsatisfiedRouteException route) {
                return new ApiError(ErrorCodes.MISSING_FIELD, route.getArgument().getName() + " is required");
            }
            if (t instanceof MismatchedInputException mismatch) {
                return wrongType(mismatch);
            }
            if (t instanceof JsonParseException || t instanceof JsonSyntaxException) {
                return new ApiError(ErrorCodes.MALFORMED_JSON, "the body is not valid JSON: " + parseProblem(t)
                        + "; send one JSON object");
            }
            if (t instanceof JsonMappingException mapping) {
                return new ApiError(ErrorCodes.INVALID_INPUT, "the body could not be read: " + mapping.getOriginalMessage());
            }
            if (t instanceof JsonProcessingException processing) {
                return new ApiError(ErrorCodes.MALFORMED_JSON, "the body is not valid JSON: " + processing.getOriginalMessage());
            }
            if (t instanceof UnsatisfiedArgumentException argument) {
                return new ApiError(ErrorCodes.MISSING_FIELD, argument.getArgument().getName() + " is required");
            }
        }
        return new ApiError(ErrorCodes.BAD_REQUEST, firstMessage(context, "the request could not be processed"));
    }

    /** A field of the wrong JSON type: names it by its path ({@code meta.tools[0].name}) and the type expected. */
    private static ApiError wrongType(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        String expected = expected(e.getTargetType());
        if (path.isEmpty()) {
            return new ApiError(ErrorCodes.WRONG_TYPE, "the body must be " + expected);
        }
        return new ApiError(ErrorCodes.WRONG_TYPE, path + " must be " + expected);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a JSON object";
        }
        return "of another JSON type";
    }

    private static String parseProblem(Throwable failure) {
        Throwable t = failure;
        while (!(t instanceof JsonProcessingException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof JsonProcessingException processing) {
            String where = processing.getLocation() == null ? ""
                    : " (line " + processing.getLocation().getLineNr() + ", column " + processing.getLocation().getColumnNr() + ")";
            String what = processing.getOriginalMessage();
            int newline = what.indexOf('\n');
            return (newline >= 0 ? what.substring(0, newline) : what) + where;
        }
        return "it could not be parsed";
    }

    private static String firstMessage(ErrorContext context, String fallback) {
        List<Error> errors = context.getErrors();
        return errors.isEmpty() ? fallback : errors.get(0).getMessage();
    }
}

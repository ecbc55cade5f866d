package dev.parley.adapters.http;

import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import java.security.Principal;
import java.util.Optional;

/**
 * With an API token configured ({@link ApiAccess}), lets through only requests carrying
 * {@code Authorization: Bearer <token>} (compared in constant time); {@code /health} stays open
 * for probes. Without a token it lets everything through (the server then binds to loopback only).
 *
 * <p>A request it lets through as the API's client carries {@link #API_CLIENT} as its principal.
 * {@code /health} shows its checks' details (archive path, live counts, errors) only to such a
 * request ({@code endpoints.health.details-visible: AUTHENTICATED}): with a token set, an
 * anonymous probe sees the status alone.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BearerTokenFilter implements Ordered {

    private static final String BEARER = "Bearer ";
    /** The principal of a request from the API's client: any caller when no token is set, else one presenting it. */
    static final Principal API_CLIENT = () -> "parley-api-client";

    private final Optional<ApiToken> token;

    BearerTokenFilter(ApiAccess access) {
        this.token = access.token();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<ApiError> authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (token.isEmpty() || token.get().matches(presentedToken(header))) {
            request.setAttribute(HttpAttributes.PRINCIPAL, API_CLIENT);
            return null;
        }
        if (isHealth(request.getPath())) {
            return null;
        }
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parley\"")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(ErrorCodes.UNAUTHORIZED, header == null
                        ? "this route needs an Authorization: Bearer <token> header with the configured API token"
                        : "the Authorization header does not carry the configured API token"));
    }

    private static String presentedToken(String header) {
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim()
                : null;
    }

    private static boolean isHealth(String path) {
        return path.equals("/health") || path.startsWith("/health/");
    }
}

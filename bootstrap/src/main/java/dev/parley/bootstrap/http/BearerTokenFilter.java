package dev.parley.bootstrap.http;

import dev.parley.bootstrap.config.ApiToken;
import dev.parley.bootstrap.config.ParleySettings;
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
import java.util.Optional;

/**
 * With {@code parley.api.token} set, lets through only requests carrying
 * {@code Authorization: Bearer <token>} (compared in constant time); {@code /health} stays open
 * for probes. Without a token it lets everything through (the server then binds to loopback only).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BearerTokenFilter implements Ordered {

    private static final String BEARER = "Bearer ";

    private final Optional<ApiToken> token;

    BearerTokenFilter(ParleySettings settings) {
        this.token = settings.apiToken();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }

    @RequestFilter
    @Nullable
    HttpResponse<ApiError> authenticate(HttpRequest<?> request) {
        if (token.isEmpty() || isHealth(request.getPath())) {
            return null;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim()
                : null;
        if (token.get().matches(presented)) {
            return null;
        }
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"parley\"")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ApiError(ErrorCodes.UNAUTHORIZED, header == null
                        ? "this route needs an Authorization: Bearer <token> header with the configured API token"
                        : "the Authorization header does not carry the configured API token"));
    }

    private static boolean isHealth(String path) {
        return path.equals("/health") || path.startsWith("/health/");
    }
}

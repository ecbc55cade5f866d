package dev.parley.adapters.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Says why a request from a web page was refused. Micronaut refuses (403, with no body) a request
 * that reaches the server at a loopback address ({@code localhost}, {@code 127.x}) and carries an
 * {@code Origin} whose host is neither {@code localhost} nor {@code 127.0.0.1}: a page on another
 * site must not drive a local API through the visitor's browser. This filter runs outside that
 * check and gives its bare 403 the API's JSON error, {@code forbidden_origin}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CrossOriginRefusal implements Ordered {

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order(); // before Micronaut's CORS filter (METRICS, after): sees its answer
    }

    @ResponseFilter
    void explain(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (response.code() != 403 || origin == null || response.getBody().isPresent() || request.getMethodName().equals("HEAD")) {
            return;
        }
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Object> typed = (MutableHttpResponse<Object>) response;
        typed.body(new ApiError(ErrorCodes.FORBIDDEN_ORIGIN, "requests from web pages on other sites are refused: the Origin "
                + WireTime.quoted(origin) + " is not local, and Parley reached at a loopback address accepts only the origins"
                + " http://localhost and http://127.0.0.1 (any port), so that no web page can drive its API through a browser."
                + " Call the API from a program or a command line, which sends no Origin header"))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

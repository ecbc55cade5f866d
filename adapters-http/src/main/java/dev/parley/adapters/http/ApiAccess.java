package dev.parley.adapters.http;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may call the API: everyone (on loopback), or only requests carrying the configured token.
 * The bootstrap builds it from its configuration; {@link BearerTokenFilter} enforces it.
 */
public record ApiAccess(Optional<ApiToken> token) {

    public ApiAccess {
        Objects.requireNonNull(token, "token == null");
    }

    /** Every request gets through. */
    public static ApiAccess open() {
        return new ApiAccess(Optional.empty());
    }

    /** Only requests carrying {@code token} get through (and {@code /health}, for probes). */
    public static ApiAccess requiring(ApiToken token) {
        return new ApiAccess(Optional.of(token));
    }

    @Override
    public String toString() {
        return token.isPresent() ? "ApiAccess[token required]" : "ApiAccess[open]";
    }
}

package dev.parley.adapters.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** The bearer token every API call but {@code /health} must carry. Never printed: toString redacts it. */
public final class ApiToken {

    private final byte[] secret;

    public ApiToken(String value) {
        Objects.requireNonNull(value, "value == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API token must not be blank");
        }
        this.secret = value.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code presented} is this token, compared in constant time. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ApiToken[redacted]";
    }
}

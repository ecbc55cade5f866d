package dev.parley.adapters.llm;

import java.io.IOException;
import java.util.Optional;

/**
 * A provider's answer that was not a success, as {@link StatusKeepingHttpClient} saw it: the status
 * and the headers that say when to come back. The body is left out on purpose: providers may echo
 * the request in it.
 */
final class ProviderStatusException extends IOException {

    private final int status;
    private final Optional<String> retryAfter;
    private final Optional<String> retryAfterMillis;

    ProviderStatusException(int status, Optional<String> retryAfter, Optional<String> retryAfterMillis) {
        super("the provider answered HTTP " + status);
        this.status = status;
        this.retryAfter = retryAfter;
        this.retryAfterMillis = retryAfterMillis;
    }

    int status() {
        return status;
    }

    /** The standard {@code Retry-After} header: seconds or an HTTP date. */
    Optional<String> retryAfter() {
        return retryAfter;
    }

    /** OpenAI's and Azure's {@code retry-after-ms}, more precise when present. */
    Optional<String> retryAfterMillis() {
        return retryAfterMillis;
    }
}

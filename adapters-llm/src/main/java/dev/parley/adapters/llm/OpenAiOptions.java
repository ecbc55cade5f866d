package dev.parley.adapters.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link OpenAiLanguageModel} reaches its provider. Built by the bootstrap from the
 * {@code parley.llm.*} settings; {@link #toString()} never shows the key.
 *
 * <pre>{@code
 * OpenAiOptions options = OpenAiOptions.of("https://api.openai.com/v1", System.getenv("PARLEY_LLM_API_KEY"), "gpt-4o-mini")
 *         .withTimeout(Duration.ofSeconds(30));
 * }</pre>
 *
 * @param baseUrl        the provider's OpenAI-compatible API root, {@code http(s)://host[:port]/path}
 *                       (e.g. {@code https://api.openai.com/v1}, {@code http://localhost:11434/v1});
 *                       {@code /chat/completions} is appended
 * @param apiKey         sent as {@code Authorization: Bearer <key>}; empty for servers that need none
 *                       (Ollama, llama.cpp, a local vLLM)
 * @param defaultModel   the model asked for when a request names none
 * @param timeout        the most one {@code complete} call may take, its wait for a free slot, its
 *                       retries and their pauses included
 * @param maxConcurrent  how many calls may be in flight at once; callers beyond wait for a slot
 * @param maxRetries     how many times a call is retried after a 429, a 5xx or a connection failure
 * @param retryDelay     the pause before the first retry when the provider gives no
 *                       {@code Retry-After}; doubled before each further retry
 */
public record OpenAiOptions(URI baseUrl, Optional<String> apiKey, String defaultModel, Duration timeout, int maxConcurrent,
                            int maxRetries, Duration retryDelay) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONCURRENT = 8;
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(500);
    /** More retries than this only lengthen an outage. */
    public static final int MAX_RETRIES = 10;

    public OpenAiOptions {
        Objects.requireNonNull(baseUrl, "baseUrl == null");
        Objects.requireNonNull(apiKey, "apiKey == null");
        Objects.requireNonNull(defaultModel, "defaultModel == null");
        Objects.requireNonNull(timeout, "timeout == null");
        Objects.requireNonNull(retryDelay, "retryDelay == null");
        baseUrl = checkedBaseUrl(baseUrl);
        apiKey = apiKey.filter(key -> !key.isBlank());
        if (apiKey.isPresent() && apiKey.get().chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            // The key itself is never repeated in a message.
            throw new IllegalArgumentException("apiKey must not contain whitespace or control characters");
        }
        if (defaultModel.isBlank()) {
            throw new IllegalArgumentException("defaultModel must not be blank");
        }
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 ms, got " + timeout);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException("maxRetries must be between 0 and " + MAX_RETRIES + ", got " + maxRetries);
        }
        if (retryDelay.isNegative()) {
            throw new IllegalArgumentException("retryDelay must not be negative, got " + retryDelay);
        }
    }

    /**
     * Options for {@code baseUrl} with {@code apiKey} (null or blank: none) and {@code defaultModel}:
     * a 60 s timeout, 8 concurrent calls, 2 retries starting 500 ms apart.
     */
    public static OpenAiOptions of(String baseUrl, String apiKey, String defaultModel) {
        Objects.requireNonNull(baseUrl, "baseUrl == null");
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL such as https://api.openai.com/v1 ("
                    + e.getReason() + " at index " + e.getIndex() + ")", e);
        }
        return new OpenAiOptions(uri, Optional.ofNullable(apiKey), defaultModel, DEFAULT_TIMEOUT, DEFAULT_MAX_CONCURRENT,
                DEFAULT_MAX_RETRIES, DEFAULT_RETRY_DELAY);
    }

    public OpenAiOptions withTimeout(Duration value) {
        return new OpenAiOptions(baseUrl, apiKey, defaultModel, value, maxConcurrent, maxRetries, retryDelay);
    }

    public OpenAiOptions withMaxConcurrent(int value) {
        return new OpenAiOptions(baseUrl, apiKey, defaultModel, timeout, value, maxRetries, retryDelay);
    }

    public OpenAiOptions withMaxRetries(int value) {
        return new OpenAiOptions(baseUrl, apiKey, defaultModel, timeout, maxConcurrent, value, retryDelay);
    }

    public OpenAiOptions withRetryDelay(Duration value) {
        return new OpenAiOptions(baseUrl, apiKey, defaultModel, timeout, maxConcurrent, maxRetries, value);
    }

    /** The provider's host (and port, when given), as failures name it. */
    public String host() {
        return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
    }

    private static URI checkedBaseUrl(URI uri) {
        String scheme = uri.getScheme();
        boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        if (!web || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host and no user, query or fragment, "
                    + "such as https://api.openai.com/v1, got \"" + uri.getScheme() + "://" + uri.getHost() + "...\"");
        }
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    @Override
    public String toString() {
        return "OpenAiOptions[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isPresent() ? "[redacted]" : "none")
                + ", defaultModel=" + defaultModel + ", timeout=" + timeout + ", maxConcurrent=" + maxConcurrent
                + ", maxRetries=" + maxRetries + ", retryDelay=" + retryDelay + "]";
    }
}

package dev.parley.domain.llm;

/**
 * A chat language model (driven port): one completion per call. Adapters speak a provider's
 * protocol (OpenAI-compatible over HTTP); a call blocks until the reply arrives or fails.
 *
 * <p>A failed call throws {@link ModelCallException}, whose {@link ModelCallException.Kind} says
 * why (timeout, rate limit, provider error, budget, not configured); it never throws anything
 * else for a provider failure, and its message never holds the prompt, the reply or a key.
 */
public interface LanguageModel {

    /** Asks the model for the next message of {@code request}'s conversation. */
    ModelReply complete(ModelRequest request);

    /** The model of a Parley with none configured: every call fails with {@link ModelCallException.Kind#NOT_CONFIGURED}. */
    static LanguageModel notConfigured() {
        return request -> {
            throw new ModelCallException(ModelCallException.Kind.NOT_CONFIGURED, "NOT_CONFIGURED: no language model is configured");
        };
    }
}

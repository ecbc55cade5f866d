package dev.parley.bootstrap.config;

import dev.parley.adapters.llm.OpenAiOptions;
import dev.parley.application.responder.ResponderSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads and checks the responder's keys ({@code parley.llm.*}, {@code parley.avatars.catalogue},
 * {@code parley.context.*}, {@code parley.replies.max-chain}, {@code parley.summaries.*},
 * {@code parley.narratives.*}) at start; a key not set keeps the default written in the code that
 * owns it ({@link OpenAiOptions}, {@link ResponderSettings}, here). Every mistake is an
 * {@link InvalidConfigurationException} naming its key; the API key is never repeated.
 */
@Factory
public final class ResponderSettingsFactory {

    static final String LLM_BASE_URL = "parley.llm.base-url";
    static final String LLM_API_KEY = "parley.llm.api-key";
    static final String LLM_MODEL = "parley.llm.model";
    static final String LLM_TIMEOUT = "parley.llm.timeout";
    static final String LLM_MAX_CONCURRENT = "parley.llm.max-concurrent";
    static final String LLM_MAX_CALLS_PER_HOUR = "parley.llm.max-calls-per-hour";
    public static final String CATALOGUE = "parley.avatars.catalogue";
    static final String CONTEXT_MESSAGES = "parley.context.messages";
    static final String MAX_CHAIN = "parley.replies.max-chain";
    static final String SUMMARIES_EVERY = "parley.summaries.every";
    static final String NARRATIVES_INTERVAL = "parley.narratives.interval";
    static final String NARRATIVES_KEEP = "parley.narratives.keep";

    static final Duration DEFAULT_NARRATIVE_INTERVAL = Duration.ofMinutes(5);
    static final int DEFAULT_NARRATIVES_KEPT = 5;

    @Context
    ResponderConfiguration responderConfiguration(Environment environment) {
        ResponderSettings defaults = ResponderSettings.defaults();
        Optional<OpenAiOptions> model = model(environment);
        long maxCalls = value(environment, LLM_MAX_CALLS_PER_HOUR, ResponderSettingsFactory::calls).orElse(0L);
        Optional<Path> catalogue = value(environment, CATALOGUE, ResponderSettingsFactory::path);
        int context = value(environment, CONTEXT_MESSAGES, SettingsFactory::positiveInt).orElse(defaults.contextMessages());
        if (context > ResponderSettings.MAX_CONTEXT_MESSAGES) {
            throw new InvalidConfigurationException(CONTEXT_MESSAGES, "must be at most " + ResponderSettings.MAX_CONTEXT_MESSAGES
                    + ", got " + context);
        }
        int maxChain = value(environment, MAX_CHAIN, SettingsFactory::positiveInt).orElse(defaults.maxChain());
        int every = value(environment, SUMMARIES_EVERY, SettingsFactory::positiveInt).orElse(defaults.summariesEvery());
        Duration interval = value(environment, NARRATIVES_INTERVAL, Durations::parsePositive).orElse(DEFAULT_NARRATIVE_INTERVAL);
        int kept = value(environment, NARRATIVES_KEEP, SettingsFactory::positiveInt).orElse(DEFAULT_NARRATIVES_KEPT);
        // A summary's generation may hold its lease as long as a model call can take, and some more.
        Duration lease = model.map(options -> options.timeout().plusSeconds(30)).filter(l -> l.compareTo(defaults.summaryLease()) > 0)
                .orElse(defaults.summaryLease());
        ResponderSettings responder = new ResponderSettings(context, maxChain, every, lease);
        return new ResponderConfiguration(model, maxCalls, catalogue, responder, interval, kept);
    }

    /** The model's options, or empty without a base URL (the model key is then required alongside). */
    private static Optional<OpenAiOptions> model(Environment environment) {
        Optional<String> baseUrl = text(environment, LLM_BASE_URL);
        if (baseUrl.isEmpty()) {
            return Optional.empty();
        }
        String name = text(environment, LLM_MODEL).orElseThrow(() -> new InvalidConfigurationException(LLM_MODEL,
                "is required with " + LLM_BASE_URL + ": the model to ask, e.g. gpt-4o-mini or llama3.1:8b (PARLEY_LLM_MODEL)"));
        String key = text(environment, LLM_API_KEY).orElse(null);
        OpenAiOptions options;
        try {
            options = OpenAiOptions.of(baseUrl.get(), null, name);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(LLM_BASE_URL, e.getMessage());
        }
        try {
            options = new OpenAiOptions(options.baseUrl(), Optional.ofNullable(key), name, options.timeout(), options.maxConcurrent(),
                    options.maxRetries(), options.retryDelay());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(LLM_API_KEY, "must not contain whitespace or control characters (PARLEY_LLM_API_KEY)");
        }
        Duration timeout = value(environment, LLM_TIMEOUT, Durations::parsePositive).orElse(OpenAiOptions.DEFAULT_TIMEOUT);
        int concurrent = value(environment, LLM_MAX_CONCURRENT, SettingsFactory::positiveInt).orElse(OpenAiOptions.DEFAULT_MAX_CONCURRENT);
        return Optional.of(options.withTimeout(timeout).withMaxConcurrent(concurrent));
    }

    private static long calls(String key, String value) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidConfigurationException(key, "must be a whole number of calls, 0 (unlimited) or more, got \"" + value + "\"");
    }

    private static Path path(String key, String value) {
        try {
            return Path.of(value.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException(key, "\"" + value + "\" is not a valid path: " + e.getReason());
        }
    }

    private static Optional<String> text(Environment environment, String key) {
        return environment.getProperty(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static <T> Optional<T> value(Environment environment, String key, BiFunction<String, String, T> parse) {
        return text(environment, key).map(v -> parse.apply(key, v));
    }
}

package dev.parley.bootstrap.metrics;

import dev.parley.domain.llm.LanguageModel;
import dev.parley.domain.llm.ModelCallException;
import dev.parley.domain.llm.ModelReply;
import dev.parley.domain.llm.ModelRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The language model (budget first), counted: every call by outcome (ok, or why it failed), the
 * latency of the calls that reached the provider, and the tokens it reported.
 */
final class MeteredLanguageModel implements LanguageModel {

    private static final String CALLS = "parley.model.calls";
    private static final String CALLS_DESCRIPTION = "Language-model calls, by outcome (ok or why no reply came)";

    private final LanguageModel model;
    private final Counter ok;
    private final EnumMap<ModelCallException.Kind, Counter> failed;
    private final Counter otherFailure;
    private final Timer latency;
    private final Counter inputTokens;
    private final Counter outputTokens;

    MeteredLanguageModel(LanguageModel model, MeterRegistry registry) {
        this.model = Objects.requireNonNull(model, "model == null");
        this.ok = Counter.builder(CALLS).description(CALLS_DESCRIPTION).tag("outcome", "ok").register(registry);
        this.failed = Meters.countersPer(ModelCallException.Kind.class,
                kind -> Counter.builder(CALLS).description(CALLS_DESCRIPTION).tag("outcome", Meters.label(kind)), registry);
        this.otherFailure = Counter.builder(CALLS).description(CALLS_DESCRIPTION).tag("outcome", "error").register(registry);
        this.latency = Meters.latency("parley.model.call", "Language-model calls that reached the provider, how long each took")
                .register(registry);
        String tokens = "Tokens the provider reported, by type";
        this.inputTokens = Counter.builder("parley.model.tokens").description(tokens).tag("type", "input").register(registry);
        this.outputTokens = Counter.builder("parley.model.tokens").description(tokens).tag("type", "output").register(registry);
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        long start = System.nanoTime();
        ModelReply reply;
        try {
            reply = model.complete(request);
        } catch (ModelCallException e) {
            failed.get(e.kind()).increment();
            if (e.kind() != ModelCallException.Kind.BUDGET_EXHAUSTED && e.kind() != ModelCallException.Kind.NOT_CONFIGURED) {
                latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            throw e;
        } catch (RuntimeException e) {
            otherFailure.increment();
            throw e;
        }
        latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        ok.increment();
        inputTokens.increment(reply.usage().input());
        outputTokens.increment(reply.usage().output());
        return reply;
    }
}

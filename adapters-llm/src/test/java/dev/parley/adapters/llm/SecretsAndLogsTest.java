package dev.parley.adapters.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.parley.adapters.llm.testing.FakeOpenAi;
import dev.parley.adapters.llm.testing.FakeResponse;
import dev.parley.domain.llm.ModelCallException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key, the prompt and the reply never reach a log line or an exception, at any level, whatever
 * fails; each failed call logs exactly one line. LangChain4j's SLF4J logging goes to
 * java.util.logging in this module's tests, so the root handler sees every library's lines too.
 */
class SecretsAndLogsTest {

    private static final String KEY = "sk-live-SECRET-0123456789abcdef";
    private static final String REPLY = "the reply text nobody may log";

    private final FakeOpenAi fake = FakeOpenAi.start();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;
    private final List<OpenAiLanguageModel> models = new ArrayList<>();

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void restore() {
        release.countDown();
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        models.forEach(OpenAiLanguageModel::close);
        fake.close();
    }

    private OpenAiLanguageModel model(OpenAiOptions options) {
        OpenAiLanguageModel model = new OpenAiLanguageModel(options);
        models.add(model);
        return model;
    }

    private OpenAiOptions options() {
        return OpenAiOptions.of(fake.baseUrl(), KEY, "m").withRetryDelay(Duration.ofMillis(10)).withTimeout(Duration.ofSeconds(5));
    }

    @Test
    void noFailureRevealsTheKeyThePromptOrTheReply() {
        OpenAiLanguageModel model = model(options());
        // Providers' error bodies may echo the request: this one quotes the prompt and the key.
        String echo = "{\"error\":{\"message\":\"bad request: " + Prompts.USER_TEXT + " with key " + KEY + "\"}}";
        List<FakeResponse> failures = List.of(FakeResponse.status(401), FakeResponse.raw(400, echo), FakeResponse.raw(500, echo),
                FakeResponse.raw(429, echo), FakeResponse.raw(200, "{\"choices\":[], \"note\":\"" + REPLY + "\"}"),
                FakeResponse.raw(200, "not json " + REPLY));
        List<ModelCallException> thrown = new ArrayList<>();
        for (FakeResponse failure : failures) {
            fake.reset();
            fake.respondWith(failure);
            thrown.add(catchThrowableOfType(ModelCallException.class, () -> model.complete(Prompts.simple())));
        }
        fake.reset();
        fake.respondWith(FakeResponse.text(REPLY).heldUntil(release));
        thrown.add(catchThrowableOfType(ModelCallException.class,
                () -> model(options().withTimeout(Duration.ofMillis(300))).complete(Prompts.simple())));
        fake.respondWith(FakeResponse.text(REPLY));
        assertThat(model.complete(Prompts.simple()).text()).isEqualTo(REPLY);

        assertThat(fake.lastRequest().authorization()).as("the key is used").contains("Bearer " + KEY);
        assertThat(thrown).hasSize(7).allSatisfy(e -> assertThat(everything(e)).doesNotContain(KEY, Prompts.USER_TEXT, Prompts.SYSTEM, REPLY));
        assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(everything(r)).doesNotContain(KEY, Prompts.USER_TEXT, Prompts.SYSTEM, REPLY));
    }

    @Test
    void eachFailedCallLogsOneLineAndASuccessNone() {
        OpenAiLanguageModel model = model(options());
        fake.enqueue(FakeResponse.status(500), FakeResponse.status(500), FakeResponse.status(500), FakeResponse.status(401));

        catchThrowableOfType(ModelCallException.class, () -> model.complete(Prompts.simple()));
        catchThrowableOfType(ModelCallException.class, () -> model.complete(Prompts.simple()));
        model.complete(Prompts.simple());

        List<String> adapterLines = records.stream().filter(r -> r.getLoggerName().equals(OpenAiLanguageModel.class.getName()))
                .map(SecretsAndLogsTest::formatted).toList();
        assertThat(adapterLines).hasSize(2);
        assertThat(adapterLines.get(0)).startsWith("Language model call failed: UNAVAILABLE: the provider answered HTTP 500 [host 127.0.0.1:"
                + fake.port() + ", 3 attempts, ");
        assertThat(adapterLines.get(1)).startsWith("Language model call failed: REJECTED: the provider answered HTTP 401");
        assertThat(records).filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).hasSize(2);
    }

    @Test
    void theOptionsNeverShowTheKey() {
        OpenAiOptions options = options();

        assertThat(options.toString()).doesNotContain(KEY).contains("apiKey=[redacted]");
        assertThat(OpenAiOptions.of(fake.baseUrl(), "", "m").toString()).contains("apiKey=none");
        assertThat(model(options).toString()).doesNotContain(KEY);
        assertThatThrownBy(() -> OpenAiOptions.of(fake.baseUrl(), KEY + "\n", "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(KEY);
    }

    private static String formatted(LogRecord record) {
        String message = record.getMessage();
        return record.getParameters() == null ? message : MessageFormat.format(message, record.getParameters());
    }

    /** A log record's message, parameters and stack trace, as any handler could print them. */
    private static String everything(LogRecord record) {
        StringBuilder all = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                all.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            all.append(' ').append(everything(record.getThrown()));
        }
        return all.toString();
    }

    /** A throwable's messages and stack trace, causes and suppressed included. */
    private static String everything(Throwable thrown) {
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}

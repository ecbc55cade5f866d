package dev.parley.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.bootstrap.http.ApiClient;
import dev.parley.bootstrap.http.RunningParley;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What Parley writes to its log: one line at start saying where and how it runs, and never the token. */
class StartupLogTest {

    private static final String TOKEN = "log-me-never-4f2a";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> consoleAppenders = new ArrayList<>();
    private final Map<String, Level> previousLevels = new HashMap<>();

    /** Every event of every logger down to DEBUG goes to a list instead of the console. */
    @BeforeEach
    void captureEveryLogEvent() {
        Logger root = logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.iteratorForAppenders().forEachRemaining(consoleAppenders::add);
        consoleAppenders.forEach(root::detachAppender);
        for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "io.micronaut", "io.netty", "dev.parley")) {
            previousLevels.put(name, logger(name).getLevel());
            logger(name).setLevel(Level.DEBUG);
        }
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = logger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(captured);
        consoleAppenders.forEach(root::addAppender);
        previousLevels.forEach((name, level) -> logger(name).setLevel(level));
    }

    /**
     * A copy of the events captured so far. Netty and Micronaut threads may still be logging while
     * the test reads, and {@code AppenderBase.doAppend} holds the appender's monitor while it adds,
     * so copying under that monitor never sees the list mid-change.
     */
    private List<ILoggingEvent> capturedSoFar() {
        synchronized (captured) {
            return List.copyOf(captured.list);
        }
    }

    private static Logger logger(String name) {
        return (Logger) LoggerFactory.getLogger(name);
    }

    @Test
    void theStartLineListsEveryAddressTheServerBound() throws java.io.IOException {
        int first;
        int second;
        try (java.net.ServerSocket a = new java.net.ServerSocket(0); java.net.ServerSocket b = new java.net.ServerSocket(0)) {
            first = a.getLocalPort();
            second = b.getLocalPort();
        }
        try (RunningParley parley = RunningParley.start(Map.of("parley.api.token", TOKEN,
                "micronaut.server.netty.listeners.main.host", "127.0.0.1", "micronaut.server.netty.listeners.main.port", String.valueOf(first),
                "micronaut.server.netty.listeners.public.host", "0.0.0.0", "micronaut.server.netty.listeners.public.port", String.valueOf(second)))) {
            List<String> lines = capturedSoFar().stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(message -> message.startsWith("Parley listening"))
                    .toList();

            assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                    .contains("http://127.0.0.1:" + first)
                    .containsAnyOf("http://0.0.0.0:" + second, "http://[0:0:0:0:0:0:0:0]:" + second));
        }
    }

    @Test
    void startLogsOneLineWithAddressStorageArchiveIdleTimeAndModelAndNeverTheTokenOrTheModelKey() {
        try (RunningParley parley = RunningParley.start(Map.of("parley.api.token", TOKEN,
                "parley.conversations.idle-time", "90s", "parley.llm.base-url", "http://127.0.0.1:9/v1", "parley.llm.model", "tiny",
                "parley.llm.api-key", "sk-" + TOKEN))) {
            ApiClient wrong = parley.client("wrong-" + TOKEN);
            wrong.get("/conversations");
            parley.client(TOKEN).post("/conversations",
                    "{\"thread_id\": \"1\", \"guild_id\": \"2\", \"guild_name\": \"g\", \"requester\": \"3\"}");
            parley.stop();

            List<ILoggingEvent> events = capturedSoFar();
            List<String> parleyInfo = events.stream()
                    .filter(e -> e.getLoggerName().equals("dev.parley.bootstrap.Parley") && e.getLevel() == Level.INFO)
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(message -> message.startsWith("Parley listening"))
                    .toList();
            assertThat(parleyInfo).singleElement().satisfies(line -> assertThat(line)
                    .contains("http://127.0.0.1:")
                    .contains("storage memory")
                    .contains("archive directory " + parley.archive())
                    .contains("idle time 90s")
                    .contains("API token required")
                    .contains("model tiny at 127.0.0.1:9, 0 avatars (no catalogue)"));
            assertThat(events).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(TOKEN));
            assertThat(events).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("saved 1 of 1 live conversations"));
        }
    }
}

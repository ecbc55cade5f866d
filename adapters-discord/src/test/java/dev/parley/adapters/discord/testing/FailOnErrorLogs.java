package dev.parley.adapters.discord.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test during which anything logged an ERROR through SLF4J (JDA does, for instance when
 * a payload of the fake lacks a field it needs and a guild never finishes loading). Needs Logback
 * on the test class path; the recording appender is added to its root logger once.
 *
 * <pre>{@code
 * @ExtendWith(FailOnErrorLogs.class)
 * class DiscordBotTest { ... }
 * }</pre>
 */
public final class FailOnErrorLogs implements BeforeEachCallback, AfterEachCallback {

    private static final Recorder RECORDER = install();

    @Override
    public void beforeEach(ExtensionContext context) {
        RECORDER.drain();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> errors = RECORDER.drain();
        if (!errors.isEmpty()) {
            throw new AssertionError("ERROR logged during the test:\n  " + String.join("\n  ", errors));
        }
    }

    /** The ERROR lines logged since the last call, and forgets them. */
    public static List<String> drain() {
        return RECORDER.drain();
    }

    private static Recorder install() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Recorder recorder = new Recorder();
        recorder.setContext(root.getLoggerContext());
        recorder.setName("fail-on-error-logs");
        recorder.start();
        root.addAppender(recorder);
        return recorder;
    }

    private static final class Recorder extends AppenderBase<ILoggingEvent> {

        private final List<String> errors = new ArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                IThrowableProxy thrown = event.getThrowableProxy();
                String line = event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (thrown == null ? "" : " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")");
                synchronized (errors) {
                    errors.add(line);
                }
            }
        }

        List<String> drain() {
            synchronized (errors) {
                List<String> copy = List.copyOf(errors);
                errors.clear();
                return copy;
            }
        }
    }
}

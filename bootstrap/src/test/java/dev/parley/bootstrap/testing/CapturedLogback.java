package dev.parley.bootstrap.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What one logger writes during a test, kept in a list instead of printed: the failures a test
 * provokes on purpose must not read as failures in the build's output. Close it to print as before.
 */
public final class CapturedLogback implements AutoCloseable {

    private final Logger logger;
    private final boolean additive;
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    private CapturedLogback(String name) {
        logger = (Logger) LoggerFactory.getLogger(name);
        additive = logger.isAdditive();
        captured.start();
        logger.addAppender(captured);
        logger.setAdditive(false);
    }

    public static CapturedLogback of(String loggerName) {
        return new CapturedLogback(loggerName);
    }

    public static CapturedLogback of(Class<?> source) {
        return of(source.getName());
    }

    /** The formatted messages logged at {@code level} so far. */
    public List<String> lines(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Whether any event carries a throwable, whose stack trace the console would print. */
    public boolean anyStackTrace() {
        return events().stream().anyMatch(e -> e.getThrowableProxy() != null);
    }

    private List<ILoggingEvent> events() {
        synchronized (captured) {
            return List.copyOf(captured.list);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(captured);
        logger.setAdditive(additive);
    }
}

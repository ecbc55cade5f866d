package dev.parley.bootstrap.discord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The lines the named loggers write from now until close(), at INFO and above, as "LEVEL logger: message". */
final class CapturedLogs implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Logger> loggers;
    private final List<ch.qos.logback.classic.Level> previous;

    private CapturedLogs(List<String> names) {
        loggers = names.stream().map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
        previous = loggers.stream().map(Logger::getLevel).toList();
        appender.start();
        for (Logger logger : loggers) {
            logger.setLevel(Level.INFO);
            logger.addAppender(appender);
        }
    }

    static CapturedLogs of(String... names) {
        return new CapturedLogs(List.of(names));
    }

    List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        }
    }

    /** The lines that contain {@code text}, once there are at least {@code count} of them (bounded wait). */
    List<String> await(String text, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> matching = lines().stream().filter(line -> line.contains(text)).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " line(s) containing \"" + text + "\" not logged within " + timeout + "; logged: "
                        + lines());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setLevel(previous.get(i));
        }
    }
}

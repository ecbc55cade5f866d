package dev.parley.application.conversation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What one class logs during a test, taken instead of printed (the failures these tests provoke on
 * purpose must not read as failures in the build's output). Close it to print as before.
 */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final boolean usedParents;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
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

    private CapturedLog(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        usedParents = logger.getUseParentHandlers();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    static CapturedLog of(Class<?> source) {
        return new CapturedLog(source);
    }

    /** Each record at {@code level}, formatted as the log shows it. */
    List<String> lines(Level level) {
        return records.stream().filter(r -> r.getLevel().equals(level)).map(CapturedLog::format).toList();
    }

    /** Whether any record carries a throwable (whose stack trace a log would print). */
    boolean anyStackTrace() {
        return records.stream().anyMatch(r -> r.getThrown() != null);
    }

    private static String format(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        return parameters == null || parameters.length == 0 ? message : java.text.MessageFormat.format(message, parameters);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParents);
    }
}

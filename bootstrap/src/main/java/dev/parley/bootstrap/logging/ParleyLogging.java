package dev.parley.bootstrap.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Parley's default logging, set up in code instead of a {@code logback.xml}: one line per event on
 * standard output, UTC timestamps, Micronaut's and Netty's start-up chatter left out (Parley logs
 * its own one line saying where and how it runs).
 *
 * <p>Why code: parsing an XML configuration loads logback's Joran machinery and the JDK's XML
 * parser, about 470 classes, a noticeable part of start-up (docs/benchmarks.md). Logback finds
 * this class through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 *
 * <p>An operator's own configuration still wins: with {@code -Dlogback.configurationFile=...}, or a
 * {@code logback.xml} or {@code logback-test.xml} on the class path (the jar holds neither; the
 * tests have the latter), this steps aside and logback reads the file as usual. Micronaut's
 * {@code logger.levels.*} settings apply on top of either.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class ParleyLogging extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{36} - %msg%n";
    static final String CONFIGURATION_FILE_PROPERTY = "logback.configurationFile";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader classes = ParleyLogging.class.getClassLoader();
        if (System.getProperty(CONFIGURATION_FILE_PROPERTY) != null
                || classes.getResource("logback-test.xml") != null || classes.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("STDOUT");
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        context.getLogger("io.micronaut").setLevel(Level.WARN);
        context.getLogger("io.netty").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

package dev.parley.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The logging Parley's jar sets up without a logback.xml. The tests' own logback-test.xml is on
 * this class path, so the configurator is first checked stepping aside for it, then run as the
 * jar runs it, with the test resource hidden.
 */
class ParleyLoggingTest {

    @Test
    void stepsAsideForTheTestsOwnLogbackTestXml() {
        LoggerContext context = new LoggerContext();

        assertThat(new ParleyLogging().configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(appenders(context.getLogger(Logger.ROOT_LOGGER_NAME))).isEmpty();
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void stepsAsideForAnOperatorsConfigurationFile() throws Exception {
        String previous = System.setProperty(ParleyLogging.CONFIGURATION_FILE_PROPERTY, "/etc/parley/logback.xml");
        try {
            Configurator.ExecutionStatus status = configured(new LoggerContext(), false);

            assertThat(status).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            if (previous == null) {
                System.clearProperty(ParleyLogging.CONFIGURATION_FILE_PROPERTY);
            } else {
                System.setProperty(ParleyLogging.CONFIGURATION_FILE_PROPERTY, previous);
            }
        }
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void otherwiseLogsInfoToStandardOutputInUtcAndQuietsTheFramework() throws Exception {
        LoggerContext context = new LoggerContext();

        Configurator.ExecutionStatus status = configured(context, false);

        assertThat(status).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.micronaut").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.parley").getEffectiveLevel()).isEqualTo(Level.INFO);
        List<Appender<ILoggingEvent>> appenders = appenders(root);
        assertThat(appenders).singleElement().isInstanceOfSatisfying(ConsoleAppender.class, console -> {
            assertThat(console.isStarted()).isTrue();
            assertThat(console.getTarget()).isEqualTo("System.out");
            assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).contains("UTC").contains("%msg%n");
        });
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void stepsAsideForALogbackXmlAnOperatorPutOnTheClassPath() throws Exception {
        LoggerContext context = new LoggerContext();

        assertThat(configured(context, true)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(appenders(context.getLogger(Logger.ROOT_LOGGER_NAME))).isEmpty();
    }

    /**
     * Runs the configurator the way the jar does: loaded by a class loader that cannot see the
     * tests' logback-test.xml, and that shows a logback.xml when {@code withLogbackXml}.
     */
    private static Configurator.ExecutionStatus configured(LoggerContext context, boolean withLogbackXml) throws Exception {
        ClassLoader withoutTestXml = new HidingLoader(ParleyLoggingTest.class.getClassLoader(), withLogbackXml);
        Class<?> type = Class.forName(ParleyLogging.class.getName(), true, withoutTestXml);
        Configurator configurator = (Configurator) type.getDeclaredConstructor().newInstance();
        return configurator.configure(context);
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> found = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(found::add);
        return found;
    }

    /**
     * Defines ParleyLogging itself (so its getClassLoader() is this), hides logback-test.xml and,
     * when asked, shows the test one as a logback.xml; delegates the rest.
     */
    private static final class HidingLoader extends ClassLoader {

        private final boolean withLogbackXml;

        HidingLoader(ClassLoader parent, boolean withLogbackXml) {
            super(parent);
            this.withLogbackXml = withLogbackXml;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(ParleyLogging.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(resource)) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return loaded;
            }
        }

        @Override
        public java.net.URL getResource(String name) {
            return switch (name) {
                case "logback-test.xml" -> null;
                case "logback.xml" -> withLogbackXml ? super.getResource("logback-test.xml") : null;
                default -> super.getResource(name);
            };
        }
    }
}

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
            Configurator.ExecutionStatus status = configuredWithoutTestResources(new LoggerContext());

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

        Configurator.ExecutionStatus status = configuredWithoutTestResources(context);

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

    /** Runs the configurator the way the jar does: loaded by a class loader that cannot see logback-test.xml. */
    private static Configurator.ExecutionStatus configuredWithoutTestResources(LoggerContext context) throws Exception {
        ClassLoader withoutTestXml = new HidingLoader(ParleyLoggingTest.class.getClassLoader());
        Class<?> type = Class.forName(ParleyLogging.class.getName(), true, withoutTestXml);
        Configurator configurator = (Configurator) type.getDeclaredConstructor().newInstance();
        return configurator.configure(context);
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> found = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(found::add);
        return found;
    }

    /** Defines ParleyLogging itself (so its getClassLoader() is this) and hides logback-test.xml; delegates the rest. */
    private static final class HidingLoader extends ClassLoader {

        HidingLoader(ClassLoader parent) {
            super(parent);
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
            return name.equals("logback-test.xml") ? null : super.getResource(name);
        }
    }
}

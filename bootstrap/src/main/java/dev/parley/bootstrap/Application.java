package dev.parley.bootstrap;

import dev.parley.bootstrap.config.FailureCauses;
import dev.parley.bootstrap.config.InvalidConfigurationException;
import dev.parley.domain.StorageUnavailableException;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/** Starts Parley: the Micronaut context, the HTTP server (the API of {@code adapters-http}), the idle sweeper. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        new Launcher().args(args).banner(false).mainClass(Application.class).start();
    }

    /** Micronaut's launcher, reporting a configuration mistake as one clear line instead of a bean-creation stack trace. */
    private static final class Launcher extends Micronaut {

        private static final Logger LOG = System.getLogger("dev.parley.bootstrap.Parley");

        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            InvalidConfigurationException invalid = InvalidConfigurationException.findIn(exception);
            if (invalid != null) {
                LOG.log(Level.ERROR, "Parley cannot start: " + invalid.getMessage());
                System.exit(2);
            }
            StorageUnavailableException unavailable = FailureCauses.first(exception, StorageUnavailableException.class);
            if (unavailable != null) {
                LOG.log(Level.ERROR, "Parley cannot start: " + unavailable.getMessage());
                System.exit(3);
            }
            super.handleStartupException(environment, exception);
        }
    }
}

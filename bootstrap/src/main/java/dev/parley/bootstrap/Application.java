package dev.parley.bootstrap;

import dev.parley.adapters.discord.DiscordStartException;
import dev.parley.bootstrap.config.DiscordSettingsFactory;
import dev.parley.bootstrap.config.FailureCauses;
import dev.parley.bootstrap.config.InvalidConfigurationException;
import dev.parley.domain.StorageUnavailableException;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Starts Parley: the Micronaut context, the HTTP server (the API of {@code adapters-http}), the idle
 * sweeper, and the Discord bot when a token is set.
 */
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
            DiscordStartException discord = FailureCauses.first(exception, DiscordStartException.class);
            if (discord != null) {
                LOG.log(Level.ERROR, "Parley cannot start: " + discord.getMessage() + " (" + settingToCheck(discord.reason()) + ")");
                System.exit(4);
            }
            super.handleStartupException(environment, exception);
        }

        /** The setting behind a failed bot start, named for the operator; the adapter knows no key. */
        private static String settingToCheck(DiscordStartException.Reason reason) {
            return switch (reason) {
                case TOKEN_REFUSED -> DiscordSettingsFactory.TOKEN + " or DISCORD_TOKEN";
                case UNREACHABLE -> DiscordSettingsFactory.API_URL;
                case INTENTS_REFUSED -> "the bot's Message Content intent";
                case NOT_READY -> DiscordSettingsFactory.GATEWAY_URL + ", " + DiscordSettingsFactory.SHARDS_TOTAL + " and "
                        + DiscordSettingsFactory.READY_TIMEOUT;
                case CLOSED -> "nothing: Parley was stopping";
            };
        }
    }
}

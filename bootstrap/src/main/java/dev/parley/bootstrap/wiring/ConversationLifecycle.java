package dev.parley.bootstrap.wiring;

import dev.parley.application.conversation.IdleSweeper;
import dev.parley.application.port.in.SaveBeforeShutdown;
import dev.parley.application.port.in.ShutdownSave;
import dev.parley.bootstrap.config.Durations;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.config.ResponderConfiguration;
import dev.parley.bootstrap.config.SettingsFactory;
import dev.parley.domain.avatar.AvatarCatalogue;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;

/**
 * Parley's start and end: logs the one start-up line once the server answers, and on shutdown
 * (SIGTERM or context close, after the HTTP server has stopped taking requests) first closes the
 * Discord bot's gateway (so no message arrives during the save), then stops the idle sweeper
 * (waiting for a sweep under way, so no conversation is between live state and the archive), then
 * runs {@link SaveBeforeShutdown} (which decides what to save) and logs what it did.
 */
@Context
final class ConversationLifecycle implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = System.getLogger("dev.parley.bootstrap.Parley");

    private final SaveBeforeShutdown saveBeforeShutdown;
    private final IdleSweeper sweeper;
    private final ParleySettings settings;
    private final ResponderConfiguration responder;
    private final AvatarCatalogue catalogue;
    private final DiscordBotRunner discord;
    private final BoundListeners listeners;

    ConversationLifecycle(SaveBeforeShutdown saveBeforeShutdown, IdleSweeper sweeper, ParleySettings settings,
            ResponderConfiguration responder, AvatarCatalogue catalogue, DiscordBotRunner discord, BoundListeners listeners) {
        this.discord = discord;
        this.listeners = listeners;
        this.saveBeforeShutdown = saveBeforeShutdown;
        this.sweeper = sweeper;
        this.settings = settings;
        this.responder = responder;
        this.catalogue = catalogue;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.log(Level.INFO, "Parley listening on {0} in {1} ms: storage {2}, archive directory {3}, idle time {4}"
                        + " (cleanup {5}), API token {6}, {7}",
                listening(event), String.valueOf(sinceProcessStart()), settings.storage().configName(),
                settings.archiveDirectory(), Durations.format(settings.idleTime()), SettingsFactory.cleanupName(settings.cleanup()),
                settings.apiToken().isPresent() ? "required" : "not required", ResponderFactory.describe(responder, catalogue));
    }

    /** Every address bound, comma-separated; the server's own URL if the sockets could not be told. */
    private String listening(ServerStartupEvent event) {
        java.util.List<String> bound = listeners.addresses();
        return bound.isEmpty() ? event.getSource().getURL().toString() : String.join(", ", bound);
    }

    /** Milliseconds since the JVM started (ProcessHandle: cheaper at start-up than the JMX runtime bean). */
    private static long sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElse(-1L);
    }

    @PreDestroy
    void shutdown() {
        try {
            discord.close();
        } catch (RuntimeException | Error e) {
            // An Error too (a JDA thread's OutOfMemoryError, a missing class): the sweeper close and
            // the save below must run whatever the bot did. One line, the kind only: a message
            // may quote whatever the bot choked on.
            LOG.log(Level.WARNING, "Closing the Discord bot failed ({0}); saving the conversations anyway",
                    e.getClass().getSimpleName());
        }
        // The sweeper stops before the save, waiting for a sweep under way: a conversation that
        // sweep took out of live state is then either archived or held for the save's retry. A
        // save running beside the sweep would miss it in both places, and lose it.
        try {
            sweeper.close();
        } catch (RuntimeException | VirtualMachineError e) {
            LOG.log(Level.WARNING, "Stopping the idle sweeper failed ({0}); saving the conversations anyway",
                    e.getClass().getSimpleName());
        }
        try {
            switch (saveBeforeShutdown.save()) {
                case ShutdownSave.NothingToSave(ShutdownSave.Why why) when why == ShutdownSave.Why.DISCARD_STRATEGY ->
                        LOG.log(Level.INFO, "Parley stopping: cleanup is discard, live conversations are not saved");
                case ShutdownSave.NothingToSave nothing ->
                        LOG.log(Level.INFO, "Parley stopping: live conversations stay in {0}; another instance archives them when idle",
                                settings.storage().configName());
                case ShutdownSave.Saved saved ->
                        LOG.log(Level.INFO, "Parley stopping: saved {0} of {1} live conversations to {2}", String.valueOf(saved.savedCount()),
                                String.valueOf(saved.results().size()), settings.archiveDirectory());
            }
        } catch (RuntimeException | VirtualMachineError e) {
            // The save handles each conversation on its own; this is a failure around it. Say so
            // in one line and go on stopping: a shutdown that throws here would skip the rest.
            LOG.log(Level.ERROR, "Parley stopping: the shutdown save failed ({0}); conversations not yet saved are lost"
                    + " with this process", e.getClass().getSimpleName());
        }
    }
}

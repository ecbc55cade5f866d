package dev.parley.bootstrap.wiring;

import dev.parley.application.conversation.CleanupStrategy;
import dev.parley.application.conversation.ConversationService;
import dev.parley.application.conversation.IdleSweeper;
import dev.parley.bootstrap.config.Durations;
import dev.parley.bootstrap.config.ParleySettings;
import dev.parley.bootstrap.config.SettingsFactory;
import dev.parley.domain.id.ThreadId;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Parley's start and end: logs the one start-up line once the server answers, and on shutdown
 * (SIGTERM or context close, after the HTTP server has stopped taking requests) saves every live
 * conversation (in-memory storage; with Redis they stay for the other instances), then stops the
 * idle sweeper.
 */
@Context
final class ConversationLifecycle implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = System.getLogger("dev.parley.bootstrap.Parley");

    private final ConversationService conversations;
    private final IdleSweeper sweeper;
    private final ParleySettings settings;

    ConversationLifecycle(ConversationService conversations, IdleSweeper sweeper, ParleySettings settings) {
        this.conversations = conversations;
        this.sweeper = sweeper;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        LOG.log(Level.INFO, "Parley listening on {0} in {1} ms: storage {2}, archive directory {3}, idle time {4}"
                        + " (cleanup {5}), API token {6}",
                event.getSource().getURL(), String.valueOf(sinceProcessStart()), settings.storage().configName(),
                settings.archiveDirectory(), Durations.format(settings.idleTime()), SettingsFactory.cleanupName(settings.cleanup()),
                settings.apiToken().isPresent() ? "required" : "not required");
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
            if (settings.cleanup() == CleanupStrategy.DISCARD) {
                LOG.log(Level.INFO, "Parley stopping: cleanup is discard, live conversations are not saved");
                return;
            }
            if (conversations.conversationsOutliveThisInstance()) {
                LOG.log(Level.INFO, "Parley stopping: live conversations stay in {0}; another instance archives them when idle",
                        settings.storage().configName());
                return;
            }
            Map<ThreadId, Boolean> saved = conversations.shutdown();
            long ok = saved.values().stream().filter(Boolean::booleanValue).count();
            LOG.log(Level.INFO, "Parley stopping: saved {0} of {1} live conversations to {2}", String.valueOf(ok),
                    String.valueOf(saved.size()), settings.archiveDirectory());
        } finally {
            sweeper.close();
        }
    }
}

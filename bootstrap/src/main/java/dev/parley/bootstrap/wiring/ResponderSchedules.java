package dev.parley.bootstrap.wiring;

import dev.parley.adapters.file.avatars.YamlAvatarCatalogue;
import dev.parley.application.port.in.NarrativeOutcome;
import dev.parley.application.port.in.WriteNarrative;
import dev.parley.bootstrap.config.ResponderConfiguration;
import dev.parley.domain.avatar.AvatarCatalogue;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The responder's background threads, started with Parley and stopped on shutdown: a virtual
 * thread per summary generation, the catalogue file checked for changes every
 * {@link #CATALOGUE_RELOAD}, and a narrative attempted every {@code parley.narratives.interval}
 * (when a model is configured). A failing round is logged and the schedule goes on.
 */
@Context
@Bean(preDestroy = "close")
final class ResponderSchedules implements AutoCloseable {

    /** How often the avatar catalogue file is checked for changes. */
    static final Duration CATALOGUE_RELOAD = Duration.ofSeconds(5);
    private static final Logger LOG = System.getLogger(ResponderSchedules.class.getName());

    private final ExecutorService background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parley-summary-", 0).factory());
    private final ScheduledThreadPoolExecutor scheduler;

    ResponderSchedules(AvatarCatalogue catalogue, WriteNarrative narratives, ResponderConfiguration configuration) {
        ThreadFactory threads = Thread.ofPlatform().name("parley-responder-", 0).daemon(true).factory();
        scheduler = new ScheduledThreadPoolExecutor(2, threads);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        if (catalogue instanceof YamlAvatarCatalogue file) {
            long every = CATALOGUE_RELOAD.toMillis();
            scheduler.scheduleWithFixedDelay(() -> guarded("avatar catalogue reload", file::reloadIfChanged), every, every, TimeUnit.MILLISECONDS);
        }
        if (configuration.model().isPresent()) {
            long every = configuration.narrativeInterval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> guarded("narrative", () -> report(narratives.writeNext())), every, every,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Where summaries are generated, off the reply path. */
    ExecutorService background() {
        return background;
    }

    private static void report(NarrativeOutcome outcome) {
        if (outcome instanceof NarrativeOutcome.Written written) {
            LOG.log(Level.INFO, "Narrative written for avatar {0}", written.narrative().avatar());
        }
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled {0} failed: {1}", what, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    /** Stops the schedules and the summaries in progress (their leases lapse; the next reply after a restart tries again). */
    @Override
    public void close() {
        scheduler.shutdownNow();
        background.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

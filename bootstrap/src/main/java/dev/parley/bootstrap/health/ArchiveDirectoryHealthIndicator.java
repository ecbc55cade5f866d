package dev.parley.bootstrap.health;

import dev.parley.application.port.in.CheckArchiveWrites;
import dev.parley.application.port.in.UnsavedConversations;
import dev.parley.bootstrap.config.ParleySettings;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * {@code /health}'s {@code archive} check: the archive directory exists and takes a new file.
 * Writing a probe file (rather than asking for permissions) also catches a full or read-only disk.
 * Its details also count the conversations whose archive write failed on this instance and name
 * the first {@value #LISTED} of them: they are held (live, or claimed and retried every lease), not
 * lost, so the check stays UP for them; a monitor should alert on a count above 0.
 */
@Singleton
final class ArchiveDirectoryHealthIndicator implements HealthIndicator {

    /** How many unsaved thread ids the details name at most. */
    static final int LISTED = 20;

    private final Path directory;
    private final CheckArchiveWrites writes;

    ArchiveDirectoryHealthIndicator(ParleySettings settings, CheckArchiveWrites writes) {
        this.directory = settings.archiveDirectory();
        this.writes = writes;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("directory", directory.toString());
        HealthStatus status;
        if (!Files.isDirectory(directory)) {
            details.put("error", "the archive directory does not exist (or is not a directory)");
            status = HealthStatus.DOWN;
        } else {
            try {
                Files.delete(Files.createTempFile(directory, ".parley-health-", ".tmp"));
                status = HealthStatus.UP;
            } catch (IOException | SecurityException e) {
                details.put("error", "the archive directory is not writable: " + e.getMessage());
                status = HealthStatus.DOWN;
            }
        }
        details.put("writable", status == HealthStatus.UP);
        UnsavedConversations unsaved = writes.unsaved(LISTED);
        details.put("unsaved_conversations", unsaved.count());
        details.put("unsaved_thread_ids", unsaved.threads().stream().map(thread -> thread.value()).toList());
        return Publishers.just(HealthResult.builder("archive", status).details(details).build());
    }
}

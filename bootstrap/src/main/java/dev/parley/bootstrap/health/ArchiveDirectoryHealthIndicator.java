package dev.parley.bootstrap.health;

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
 */
@Singleton
final class ArchiveDirectoryHealthIndicator implements HealthIndicator {

    private final Path directory;

    ArchiveDirectoryHealthIndicator(ParleySettings settings) {
        this.directory = settings.archiveDirectory();
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
        return Publishers.just(HealthResult.builder("archive", status).details(details).build());
    }
}

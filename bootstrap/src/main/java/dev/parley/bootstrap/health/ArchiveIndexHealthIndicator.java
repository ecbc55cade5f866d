package dev.parley.bootstrap.health;

import dev.parley.adapters.file.ArchiveIndex;
import dev.parley.adapters.file.ArchiveIndexStatus;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * {@code /health}'s {@code archive_index} check: what the archive's search index is doing, and how
 * far a rebuild has come. Always UP: a failed index stops searches (503), never saves, so the
 * instance stays in service; {@code state} {@code failed} and {@code problem} say what is wrong.
 */
@Singleton
final class ArchiveIndexHealthIndicator implements HealthIndicator {

    /** The API's timestamp shape: UTC, microseconds, no offset. */
    private static final DateTimeFormatter WIRE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final ArchiveIndex index;

    ArchiveIndexHealthIndicator(ArchiveIndex index) {
        this.index = index;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("archive_index", HealthStatus.UP).details(details(index.status())).build());
    }

    static Map<String, Object> details(ArchiveIndexStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state().name().toLowerCase(Locale.ROOT));
        details.put("maintainer", status.maintainer());
        details.put("partial", status.partial());
        details.put("files_indexed", status.filesIndexed());
        details.put("files_total", status.filesTotal());
        details.put("started_at", status.startedAt().map(WIRE_TIME::format).orElse(null));
        details.put("unreadable_files", status.unreadableFiles());
        details.put("problem", status.problem().orElse(null));
        return details;
    }
}

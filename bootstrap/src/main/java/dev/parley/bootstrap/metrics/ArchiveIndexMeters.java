package dev.parley.bootstrap.metrics;

import dev.parley.adapters.file.ArchiveIndex;
import dev.parley.adapters.file.ArchiveIndexStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The archive index's lag, read from its status at each scrape: the archive files not yet
 * searchable during a rebuild or catch-up, whether searches may miss files now, the unreadable
 * files, and its state (one series per state, 1 for the current one).
 */
final class ArchiveIndexMeters {

    private ArchiveIndexMeters() {
    }

    static void watch(ArchiveIndex index, MeterRegistry registry) {
        Gauge.builder("parley.archive.index.lag", index, i -> lag(i.status())).baseUnit("files")
                .description("Archive files not yet searchable: left to index in a rebuild or catch-up, 0 when in step")
                .register(registry);
        Gauge.builder("parley.archive.index.partial", index, i -> i.status().partial() ? 1 : 0)
                .description("1 while searches may miss archive files (a rebuild or catch-up is under way), else 0").register(registry);
        Gauge.builder("parley.archive.index.unreadable", index, i -> i.status().unreadableFiles()).baseUnit("files")
                .description("Archive files that are not valid archive JSON (never found by a search)").register(registry);
        for (ArchiveIndexStatus.State state : ArchiveIndexStatus.State.values()) {
            Gauge.builder("parley.archive.index.state", index, i -> i.status().state() == state ? 1 : 0).tag("state", Meters.label(state))
                    .description("The archive index's state: 1 for the current one").register(registry);
        }
    }

    private static double lag(ArchiveIndexStatus status) {
        return status.partial() ? Math.max(0, status.filesTotal() - status.filesIndexed()) : 0;
    }
}

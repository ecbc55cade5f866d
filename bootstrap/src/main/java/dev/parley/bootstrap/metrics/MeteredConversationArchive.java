package dev.parley.bootstrap.metrics;

import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.conversation.Conversation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The archive, timed: every write's latency (the JSON file and its index entry) by outcome, and
 * the writes that failed during an idle sweep, which leave a claimed conversation waiting for its
 * next hand-out.
 */
final class MeteredConversationArchive implements ConversationArchive {

    private final ConversationArchive archive;
    private final Timer saved;
    private final Timer failed;
    private final Counter sweepFailures;

    MeteredConversationArchive(ConversationArchive archive, MeterRegistry registry) {
        this.archive = Objects.requireNonNull(archive, "archive == null");
        String description = "Archive writes (file and index entry), by outcome";
        this.saved = Meters.latency("parley.archive.write", description).tag("outcome", "saved").register(registry);
        this.failed = Meters.latency("parley.archive.write", description).tag("outcome", "failed").register(registry);
        this.sweepFailures = Counter.builder("parley.sweeper.failed")
                .description("Claimed idle conversations the sweeper could not archive (retried after their lease)").register(registry);
    }

    @Override
    public String save(Conversation conversation) {
        long start = System.nanoTime();
        try {
            String name = archive.save(conversation);
            saved.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return name;
        } catch (RuntimeException e) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (MeteredSweep.isSweeping()) {
                sweepFailures.increment();
            }
            throw e;
        }
    }

    @Override
    public Optional<ArchivedTranscript> load(String fileName) {
        return archive.load(fileName);
    }

    @Override
    public ArchiveListing list(ArchiveQuery query) {
        return archive.list(query);
    }
}

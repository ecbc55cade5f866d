package dev.parley.benchmarks;

import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.application.conversation.CleanupStrategy;
import dev.parley.application.conversation.ConversationArchiving;
import dev.parley.application.conversation.ConversationSettings;
import dev.parley.application.port.in.RollOverConversation;
import dev.parley.domain.conversation.ConversationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How the benchmarks' responders roll a full conversation over: as Parley does, with the discard
 * strategy (the benchmarks measure replies, not archive writes) and an empty temporary archive
 * directory that is removed when the benchmark exits.
 */
final class RollOvers {

    private RollOvers() {
    }

    static RollOverConversation intoTemporaryArchive(ConversationStore store, Clock clock) {
        try {
            Path directory = Files.createTempDirectory("parley-bench-rollovers");
            directory.toFile().deleteOnExit();
            return new ConversationArchiving(store, new JsonFileConversationArchive(directory),
                    ConversationSettings.defaults().withCleanup(CleanupStrategy.DISCARD), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary archive directory", e);
        }
    }
}

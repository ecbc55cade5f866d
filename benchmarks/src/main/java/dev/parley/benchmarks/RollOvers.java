package dev.parley.benchmarks;

import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.application.conversation.ConversationArchiving;
import dev.parley.application.conversation.ConversationSettings;
import dev.parley.application.port.in.RollOverConversation;
import dev.parley.domain.conversation.ConversationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;

/** Where the benchmarks' responders roll a full conversation over to: JSON files in a temporary directory, as Parley archives them. */
final class RollOvers {

    private RollOvers() {
    }

    static RollOverConversation intoTemporaryArchive(ConversationStore store, Clock clock) {
        try {
            JsonFileConversationArchive archive = new JsonFileConversationArchive(Files.createTempDirectory("parley-bench-rollovers"));
            return new ConversationArchiving(store, archive, ConversationSettings.defaults(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary archive directory", e);
        }
    }
}

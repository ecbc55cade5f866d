package dev.parley.bootstrap.testing;

import dev.parley.adapters.file.JsonFileConversationArchive;
import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.archive.ConversationArchive;
import dev.parley.domain.conversation.Conversation;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * For tests of failure isolation: with {@code test.unsaveable-thread} set, the archive every use case
 * sees is the real file archive, except that each write of that thread's conversation runs out of
 * memory, as one pathologically large conversation would.
 */
@Factory
@Requires(property = UnsaveableThreadArchive.PROPERTY)
public final class UnsaveableThreadArchive {

    public static final String PROPERTY = "test.unsaveable-thread";

    @Singleton
    @Primary
    ConversationArchive unsaveable(JsonFileConversationArchive files, @Property(name = PROPERTY) String thread) {
        return new ConversationArchive() {
            @Override
            public String save(Conversation conversation) {
                if (conversation.threadId().value().equals(thread)) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return files.save(conversation);
            }

            @Override
            public Optional<ArchivedTranscript> load(String fileName) {
                return files.load(fileName);
            }

            @Override
            public ArchiveListing list(ArchiveQuery query) {
                return files.list(query);
            }
        };
    }
}

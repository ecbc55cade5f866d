package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.archive.ArchiveListing;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.ConversationLimits;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.AcceptedInputs;
import dev.parley.domain.testing.Seeded;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever Parley accepted can be archived and read back exactly: conversations generated up to
 * the limits (every plane of Unicode, messages at the size limit, tool parameters at the depth
 * limit, filled to a limit) are saved, loaded back equal, and listed. Replay a failure with
 * {@code -Dparley.seed=<the seed it reports>}.
 */
class AcceptedInputsArchiveRoundTripTest {

    private static final ConversationLimits LIMITS = new ConversationLimits(2048, 32, 30, 24 * 1024);

    @TempDir
    Path directory;

    @Test
    void whateverWasAcceptedIsSavedLoadedAndListedExactly() {
        JsonFileConversationArchive archive = new JsonFileConversationArchive(directory);
        Map<String, Conversation> saved = new HashMap<>();

        Seeded.cases(60).forAll(generated -> new AcceptedInputs(generated, LIMITS).conversation(
                        ThreadId.of(Long.toString(generated.between(1L, Long.MAX_VALUE))),
                        Instant.parse("2025-11-25T10:30:00Z").plusSeconds(generated.between(0, 86_400 * 3)), 45),
                conversation -> {
                    String fileName = archive.save(conversation);

                    assertThat(archive.load(fileName).flatMap(ArchivedTranscript::conversation)).contains(conversation);
                    saved.put(fileName, conversation);
                });

        ArchiveListing listing = archive.list(ArchiveQuery.ALL);
        assertThat(listing.unreadable()).isEmpty();
        assertThat(listing.conversations()).extracting(ArchivedConversation::fileName).containsExactlyInAnyOrderElementsOf(saved.keySet());
        for (ArchivedConversation line : listing.conversations()) {
            Conversation conversation = saved.get(line.fileName());
            assertThat(line.threadId()).contains(conversation.threadId());
            assertThat(line.guildName()).isEqualTo(conversation.guildName());
        }
    }
}

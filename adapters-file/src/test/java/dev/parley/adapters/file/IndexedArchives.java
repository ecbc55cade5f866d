package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.adapters.file.ArchiveIndexStatus.State;
import dev.parley.domain.archive.ArchiveHit;
import dev.parley.domain.archive.ArchivePage;
import dev.parley.domain.archive.ArchivePageRequest;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Indexed archives for the index tests, and waiting for what an index does in the background. */
final class IndexedArchives {

    /** Nothing periodic unless a test asks: scans only at start, refresh ticks every 50 ms. */
    static final ArchiveIndexSettings QUIET = new ArchiveIndexSettings(Duration.ofHours(1), Duration.ofMillis(50), 2, true);
    /** Generous for a loaded 2-core machine; waits end as soon as the condition holds. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private IndexedArchives() {
    }

    static JsonFileConversationArchive open(Path directory) {
        return open(directory, QUIET);
    }

    static JsonFileConversationArchive open(Path directory, ArchiveIndexSettings settings) {
        return new JsonFileConversationArchive(directory, Optional.of(settings), ArchiveIndex.PassObserver.NONE);
    }

    /** Opens with an index and waits until it is in step with the directory. */
    static JsonFileConversationArchive openReady(Path directory) {
        JsonFileConversationArchive archive = open(directory);
        awaitState(archive, State.READY);
        return archive;
    }

    static ArchiveIndex index(JsonFileConversationArchive archive) {
        return archive.index().orElseThrow();
    }

    static void awaitState(JsonFileConversationArchive archive, State state) {
        await("index " + state + ", is " + index(archive).status(), () -> index(archive).status().state() == state);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for: %s", PATIENCE, what).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** The first page (up to 500) of {@code query}. */
    static ArchivePage search(JsonFileConversationArchive archive, ArchiveQuery query) {
        return index(archive).search(query, ArchivePageRequest.first(ArchivePageRequest.MAX_LIMIT));
    }

    static List<String> threads(ArchivePage page) {
        return page.items().stream().map(hit -> hit.conversation().threadId().orElseThrow().value()).toList();
    }

    /** Every page of {@code query}, {@code limit} at a time, as file names in the order found. */
    static List<String> allPages(ArchiveIndex index, ArchiveQuery query, int limit) {
        List<String> names = new ArrayList<>();
        ArchivePage page = index.search(query, ArchivePageRequest.first(limit));
        while (true) {
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            page.items().stream().map(ArchiveHit::conversation).forEach(line -> names.add(line.fileName()));
            if (page.next().isEmpty()) {
                return names;
            }
            page = index.search(query, ArchivePageRequest.after(page.next().get(), limit));
        }
    }

    /** A conversation in its own thread: the requester's opening line, then the given messages. */
    static Conversation conversation(String thread, GuildId guild, UserId requester, Instant createdAt, String opening, Message... more) {
        Conversation conversation = Conversation.start(ThreadId.of(thread), guild, "Guild " + guild, requester, createdAt)
                .append(Message.chat(createdAt.plusSeconds(1), opening).from(requester)).conversation();
        for (Message message : more) {
            conversation = conversation.append(message).conversation();
        }
        return conversation;
    }

    static Message said(UserId user, Instant at, String text) {
        return Message.chat(at, text).from(user);
    }

    static Message ai(MessageType type, Instant at, String text) {
        return Message.of(at, type, text);
    }
}

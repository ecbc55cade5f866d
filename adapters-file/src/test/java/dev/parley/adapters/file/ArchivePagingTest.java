package dev.parley.adapters.file;

import static dev.parley.adapters.file.IndexedArchives.allPages;
import static dev.parley.adapters.file.IndexedArchives.conversation;
import static dev.parley.adapters.file.IndexedArchives.index;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.archive.ArchiveCursor;
import dev.parley.domain.archive.ArchiveHit;
import dev.parley.domain.archive.ArchivePage;
import dev.parley.domain.archive.ArchivePageRequest;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paging through many results: complete, in order, without duplicates, even while conversations are archived meanwhile. */
class ArchivePagingTest {

    private static final GuildId GUILD = GuildId.of("100");
    private static final UserId USER = UserId.of("11");
    private static final Instant START = Instant.parse("2025-11-25T08:00:00Z");
    private static final int COUNT = 150;

    @TempDir
    Path directory;

    private JsonFileConversationArchive archive;
    private List<String> saved;

    @BeforeEach
    void saveMany() {
        archive = IndexedArchives.openReady(directory);
        saved = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            // Groups of three created at the same microsecond, in different threads, tie on time: the file name decides.
            saved.add(archive.save(conversation(String.valueOf(1000 + i), GUILD, USER, START.plusSeconds(i / 3), "page filler " + i)));
        }
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void pagesListEveryConversationOnceNewestFirst() {
        for (int limit : List.of(1, 7, 50, 150, 500)) {
            List<String> names = allPages(index(archive), ArchiveQuery.ALL, limit);

            assertThat(names).as("limit %d", limit).hasSize(COUNT).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(saved);
            assertThat(lines(names)).as("limit %d", limit).isSortedAccordingTo(newestFirst());
        }
    }

    @Test
    void aFullPageSaysThereIsMoreOnlyWhenThereIs() {
        ArchivePage exact = index(archive).search(ArchiveQuery.ALL, ArchivePageRequest.first(COUNT));
        assertThat(exact.items()).hasSize(COUNT);
        assertThat(exact.next()).isEmpty();

        ArchivePage oneShort = index(archive).search(ArchiveQuery.ALL, ArchivePageRequest.first(COUNT - 1));
        assertThat(oneShort.next()).isPresent();
        ArchivePage last = index(archive).search(ArchiveQuery.ALL, ArchivePageRequest.after(oneShort.next().get(), 10));
        assertThat(last.items()).hasSize(1);
        assertThat(last.next()).isEmpty();
    }

    @Test
    void filteredAndTextQueriesPageToo() {
        ArchiveQuery query = ArchiveQuery.ALL.containing("filler -\"filler 7\"");
        List<String> names = allPages(index(archive), query, 9);

        assertThat(names).hasSize(COUNT - 1).doesNotHaveDuplicates();
        assertThat(lines(names)).isSortedAccordingTo(newestFirst());
    }

    @Test
    void pagingWhileOthersArchiveListsEveryEarlierConversationExactlyOnce() throws Exception {
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            int i = 0;
            while (paging.get()) {
                // Newer and older than anything listed, and re-saves of listed conversations.
                archive.save(conversation(String.valueOf(5000 + i), GUILD, USER, START.plusSeconds(i % 2 == 0 ? 100_000 + i : -100_000 - i),
                        "written while paging " + i));
                archive.save(Conversations.withReply(conversation(String.valueOf(1000 + i % COUNT), GUILD, USER,
                        START.plusSeconds((i % COUNT) / 3), "page filler " + (i % COUNT)), "re-saved " + i));
                written.incrementAndGet();
                i++;
            }
        });
        List<String> names;
        try {
            names = new ArrayList<>();
            ArchivePage page = index(archive).search(ArchiveQuery.ALL, ArchivePageRequest.first(5));
            while (true) {
                page.items().forEach(hit -> names.add(hit.conversation().fileName()));
                if (page.next().isEmpty()) {
                    break;
                }
                IndexedArchives.await("a write between two pages", () -> written.get() > 0);
                page = index(archive).search(ArchiveQuery.ALL, ArchivePageRequest.after(page.next().get(), 5));
            }
        } finally {
            paging.set(false);
            writer.get(60, TimeUnit.SECONDS);
        }

        assertThat(written.get()).isPositive();
        assertThat(names).doesNotHaveDuplicates().containsAll(saved);
        assertThat(lines(names)).isSortedAccordingTo(newestFirst());
    }

    @Test
    void aTamperedCursorIsRefused() {
        ArchivePage first = index(archive).search(ArchiveQuery.ALL, ArchivePageRequest.first(10));
        String token = first.next().orElseThrow().token();
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> ArchiveCursor.parse(tampered))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.PAGE_CURSOR))
                .hasMessageContaining("start again without a cursor");
        assertThat(ArchiveCursor.parse(token)).isEqualTo(first.next().get());
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        ArchivePage first = index(archive).search(ArchiveQuery.ALL.containing("filler"), ArchivePageRequest.first(10));

        assertThatThrownBy(() -> index(archive).search(ArchiveQuery.ALL, ArchivePageRequest.after(first.next().orElseThrow(), 10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.PAGE_CURSOR))
                .hasMessageContaining("other filters");
    }

    private List<ArchivedConversation> lines(List<String> names) {
        Set<String> wanted = new HashSet<>(names);
        List<ArchivedConversation> all = allLines();
        List<ArchivedConversation> byName = new ArrayList<>();
        for (String name : names) {
            byName.add(all.stream().filter(line -> line.fileName().equals(name)).findFirst().orElseThrow());
        }
        assertThat(wanted).hasSameSizeAs(names);
        return byName;
    }

    private List<ArchivedConversation> allLines() {
        return archive.list(ArchiveQuery.ALL).conversations();
    }

    private static Comparator<ArchivedConversation> newestFirst() {
        return Comparator.comparing(ArchivedConversation::createdAt).thenComparing(ArchivedConversation::fileName).reversed();
    }

    @SuppressWarnings("unused")
    private static List<String> names(ArchivePage page) {
        return page.items().stream().map(ArchiveHit::conversation).map(ArchivedConversation::fileName).toList();
    }
}

package dev.parley.adapters.file;

import static dev.parley.adapters.file.IndexedArchives.ai;
import static dev.parley.adapters.file.IndexedArchives.conversation;
import static dev.parley.adapters.file.IndexedArchives.said;
import static dev.parley.adapters.file.IndexedArchives.search;
import static dev.parley.adapters.file.IndexedArchives.threads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.archive.ArchiveHit;
import dev.parley.domain.archive.ArchivePage;
import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.archive.ArchiveSnippet;
import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each filter and the full-text search of the archive index, on real files. */
class ArchiveSearchTest {

    private static final GuildId LIBRARY = GuildId.of("100");
    private static final GuildId WORKSHOP = GuildId.of("200");
    private static final UserId ADA = UserId.of("11");
    private static final UserId BOB = UserId.of("22");
    private static final UserId CLEO = UserId.of("33");

    @TempDir
    Path directory;

    private JsonFileConversationArchive archive;

    @BeforeEach
    void saveFourConversations() {
        archive = IndexedArchives.openReady(directory);
        Instant monday = Instant.parse("2025-11-24T23:59:59.999999Z");
        Instant tuesday = Instant.parse("2025-11-25T00:00:00Z");
        Instant wednesday = Instant.parse("2025-11-26T12:00:00Z");
        archive.save(conversation("1", LIBRARY, ADA, monday, "Where is the café near the library?",
                ai(MessageType.CHAT, monday.plusSeconds(5), "The café is on the second floor, beside the periodicals."))
                .withSummary("Ada asked for the library café"));
        archive.save(conversation("2", LIBRARY, BOB, tuesday, "The deploy failed again last night",
                said(ADA, tuesday.plusSeconds(10), "Did the deploy script time out?"),
                ai(MessageType.THINKING, tuesday.plusSeconds(11), "The user reports a failed deployment; check the logs"),
                ai(MessageType.TOOL_CALL, tuesday.plusSeconds(12), "Calling read_logs for the nightly deploy"),
                ai(MessageType.TOOL_CALL_RESPONSE, tuesday.plusSeconds(13), "timeout after 600 s in step migrate")));
        archive.save(conversation("3", WORKSHOP, CLEO, wednesday, "Can we schedule the workshop on databases?",
                said(BOB, wednesday.plusSeconds(3), "Only if the deploy is fixed by then")));
        archive.save(conversation("4", WORKSHOP, ADA, wednesday.plusSeconds(60), "Notes from the workshop: deployment checklists"));
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void everythingIsListedNewestFirst() {
        ArchivePage page = search(archive, ArchiveQuery.ALL);

        assertThat(threads(page)).containsExactly("4", "3", "2", "1");
        assertThat(page.partial()).isFalse();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void listingLinesAreTheFilesOwn() {
        Conversation document = dev.parley.domain.testing.EchoExamples.documentConversation();
        String name = archive.save(document);

        ArchivePage page = search(archive, ArchiveQuery.ALL.inGuild(document.guildId()));

        assertThat(page.items()).extracting(ArchiveHit::conversation)
                .containsExactly(ArchivedConversation.of(name, Optional.of(document.threadId()), document));
        assertThat(page.items().getFirst().snippets()).isEmpty();
    }

    @Test
    void filtersByGuild() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.inGuild(LIBRARY)))).containsExactly("2", "1");
    }

    @Test
    void filtersByParticipant() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.withParticipant(ADA)))).containsExactly("4", "2", "1");
        assertThat(threads(search(archive, ArchiveQuery.ALL.withParticipant(BOB)))).containsExactly("3", "2");
    }

    @Test
    void filtersByRequester() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.requestedBy(ADA)))).containsExactly("4", "1");
        assertThat(threads(search(archive, ArchiveQuery.ALL.requestedBy(BOB)))).containsExactly("2");
    }

    @Test
    void filtersByUtcCreationDayBothEndsInclusive() {
        LocalDate monday = LocalDate.parse("2025-11-24");
        LocalDate tuesday = LocalDate.parse("2025-11-25");
        assertThat(threads(search(archive, ArchiveQuery.ALL.between(monday, monday)))).containsExactly("1");
        assertThat(threads(search(archive, ArchiveQuery.ALL.between(tuesday, tuesday)))).containsExactly("2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.between(tuesday, null)))).containsExactly("4", "3", "2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.between(null, tuesday)))).containsExactly("2", "1");
    }

    @Test
    void filtersByMessageType() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.withMessageType(MessageType.TOOL_CALL)))).containsExactly("2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.withMessageType(MessageType.CHAT)))).containsExactly("4", "3", "2", "1");
    }

    @Test
    void filtersCombineWithAnd() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.inGuild(WORKSHOP).withParticipant(BOB).containing("deploy"))))
                .containsExactly("3");
    }

    @Test
    void textSearchFindsWordsInMessagesAndSummaries() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("deploy")))).containsExactly("3", "2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("periodicals")))).containsExactly("1");
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("Ada asked")))).containsExactly("1");
    }

    @Test
    void textSearchIgnoresCaseAndAccents() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("CAFE")))).containsExactly("1");
    }

    @Test
    void allWordsMustAppearUnlessJoinedByOr() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("deploy workshop")))).containsExactly("3");
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("café | databases")))).containsExactly("3", "1");
    }

    @Test
    void phrasesPrefixesAndExclusions() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("\"deploy failed\"")))).containsExactly("2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("\"failed deploy\"")))).isEmpty();
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("deploy*")))).containsExactly("4", "3", "2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("deploy -workshop")))).containsExactly("2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("-deploy")))).containsExactly("4", "1");
    }

    @Test
    void aPhraseNeverSpansTwoMessages() {
        // Conversation 2 ends one message with "night" and starts the next with "Did".
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("\"night did\"")))).isEmpty();
    }

    @Test
    void textWithAMessageTypeSearchesThatTypeOnly() {
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("logs")))).containsExactly("2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("logs").withMessageType(MessageType.THINKING))))
                .containsExactly("2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("logs").withMessageType(MessageType.CHAT)))).isEmpty();
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("migrate").withMessageType(MessageType.TOOL_CALL_RESPONSE))))
                .containsExactly("2");
    }

    @Test
    void snippetsMarkTheMatchingWordsAndSayWhereTheyAre() {
        ArchivePage page = search(archive, ArchiveQuery.ALL.containing("deploy"));

        ArchiveHit two = page.items().get(1);
        assertThat(two.snippets()).hasSize(3);
        assertThat(two.snippets()).allSatisfy(snippet -> assertThat(snippet.highlighted()).containsOnly("deploy"));
        assertThat(two.snippets()).extracting(ArchiveSnippet::message)
                .containsExactly(OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(3));
        assertThat(two.snippets().getFirst().text()).isEqualTo("The deploy failed again last night");
        assertThat(two.snippets().getFirst().highlights()).containsExactly(new ArchiveSnippet.Highlight(4, 10));
    }

    @Test
    void aPhraseMarksItsWordsWordByWordWhereverTheyAppear() {
        ArchivePage page = search(archive, ArchiveQuery.ALL.containing("\"Deploy FAILED\""));

        assertThat(page.items()).singleElement().satisfies(hit -> {
            assertThat(hit.snippets()).extracting(ArchiveSnippet::message)
                    .containsExactly(OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(2));
            assertThat(hit.snippets().getFirst().text()).isEqualTo("The deploy failed again last night");
            assertThat(hit.snippets().getFirst().highlights())
                    .containsExactly(new ArchiveSnippet.Highlight(4, 10), new ArchiveSnippet.Highlight(11, 17));
            assertThat(hit.snippets().get(1).highlighted()).containsExactly("deploy");
            assertThat(hit.snippets().get(2).highlighted()).containsExactly("failed");
        });
    }

    @Test
    void snippetsComeFromTheSummaryToo() {
        ArchivePage page = search(archive, ArchiveQuery.ALL.containing("Ada"));

        assertThat(page.items()).singleElement().satisfies(hit -> {
            assertThat(hit.snippets()).singleElement().satisfies(snippet -> {
                assertThat(snippet.message()).isEmpty();
                assertThat(snippet.text()).isEqualTo("Ada asked for the library café");
                assertThat(snippet.highlighted()).containsExactly("Ada");
            });
        });
    }

    @Test
    void snippetsOfTheMostMatchingMessagesComeFirst() {
        ArchivePage page = search(archive, ArchiveQuery.ALL.containing("café | periodicals").inGuild(LIBRARY));

        assertThat(page.items().getFirst().snippets()).extracting(ArchiveSnippet::message)
                .containsExactly(OptionalInt.of(1), OptionalInt.empty(), OptionalInt.of(0));
        assertThat(page.items().getFirst().snippets().getFirst().highlighted()).containsExactly("café", "periodicals");
    }

    @Test
    void excludedWordsAreNotMarked() {
        ArchivePage page = search(archive, ArchiveQuery.ALL.containing("schedule -deployment"));

        assertThat(page.items()).singleElement().satisfies(hit ->
                assertThat(hit.snippets()).flatExtracting(ArchiveSnippet::highlighted).containsExactly("schedule"));
    }

    @Test
    void snippetsOfLongMessagesStayWithinTheBoundAroundTheMatch() {
        String filler = "lorem ipsum dolor sit amet ".repeat(200);
        Instant at = Instant.parse("2025-12-01T08:00:00Z");
        archive.save(conversation("9", LIBRARY, ADA, at, filler + "needle in the middle " + filler,
                ai(MessageType.CHAT, at.plusSeconds(1), "needle " + filler),
                ai(MessageType.CHAT, at.plusSeconds(2), filler + " needle"),
                ai(MessageType.CHAT, at.plusSeconds(3), "x".repeat(300) + "needle" + "y".repeat(300)),
                ai(MessageType.CHAT, at.plusSeconds(4), "😀".repeat(150) + " needle " + "😀".repeat(150))));

        for (String q : List.of("needle", "needle | lorem", "😀 | needle", "xxx* | needle")) {
            ArchivePage page = search(archive, ArchiveQuery.ALL.containing(q).inGuild(LIBRARY).requestedBy(ADA));
            ArchiveHit hit = page.items().getFirst();
            assertThat(hit.snippets()).hasSizeLessThanOrEqualTo(ArchiveHit.MAX_SNIPPETS).isNotEmpty();
            assertThat(hit.snippets()).allSatisfy(snippet -> {
                assertThat(snippet.text().length()).isLessThanOrEqualTo(ArchiveSnippet.MAX_LENGTH);
                assertThat(snippet.highlights()).isNotEmpty();
                assertThat(snippet.text().codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).as(snippet.text()).isTrue();
            });
        }
        ArchiveSnippet middle = search(archive, ArchiveQuery.ALL.containing("needle").requestedBy(ADA).inGuild(LIBRARY))
                .items().getFirst().snippets().getFirst();
        assertThat(middle.text()).startsWith("…").endsWith("…").contains("needle in the middle");
    }

    @Test
    void textWithoutWordsIsRefused() {
        assertThatThrownBy(() -> search(archive, ArchiveQuery.ALL.containing("!!! ...")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.SEARCH_TEXT))
                .hasMessageContaining("no words to search for");
    }

    @Test
    void operatorsThatWouldBeExpensiveAreTakenAsText() {
        // Fuzzy (~), proximity and leading wildcards are not offered: the characters are not operators.
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("deploy~")))).containsExactly("3", "2");
        assertThat(threads(search(archive, ArchiveQuery.ALL.containing("*ploy")))).isEmpty();
    }

    @Test
    void listingWithoutTheIndexRefusesTextFilters() {
        assertThatThrownBy(() -> archive.list(ArchiveQuery.ALL.containing("deploy")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.SEARCH_TEXT));
        assertThat(archive.list(ArchiveQuery.ALL.requestedBy(ADA)).conversations())
                .extracting(line -> line.threadId().orElseThrow().value()).containsExactly("1", "4");
    }
}

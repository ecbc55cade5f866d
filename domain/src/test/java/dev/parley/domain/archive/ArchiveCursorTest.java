package dev.parley.domain.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.GuildId;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cursors travel as opaque tokens: what was written reads back, anything else is refused as bad input. */
class ArchiveCursorTest {

    private static final ArchiveCursor CURSOR = new ArchiveCursor(Instant.parse("2025-11-25T10:30:00.123456Z"),
            "2025-11-25_conversation-with-123456789012345678-in-987654321_thread-42-2.json", 0x1234abcd);

    @Test
    void aTokenReadsBackAsTheSameCursor() {
        assertThat(ArchiveCursor.parse(CURSOR.token())).isEqualTo(CURSOR);
        assertThat(CURSOR.token()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void everyAlteredCharacterIsRefused() {
        String token = CURSOR.token();
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            String altered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThatThrownBy(() -> ArchiveCursor.parse(altered)).as("altered at %d", i)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.PAGE_CURSOR));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "not a cursor!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%%%%"})
    void garbageIsRefused(String token) {
        assertThatThrownBy(() -> ArchiveCursor.parse(token))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.PAGE_CURSOR))
                .hasMessageContaining("start again without a cursor");
    }

    @Test
    void cutAndOverlongTokensAreRefused() {
        String token = CURSOR.token();
        assertThatThrownBy(() -> ArchiveCursor.parse(token.substring(0, token.length() - 3))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ArchiveCursor.parse(Base64.getUrlEncoder().encodeToString(new byte[4096])))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ArchiveCursor.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aCursorContinuesOnlyTheQueryItWasGivenFor() {
        ArchiveQuery query = ArchiveQuery.ALL.inGuild(GuildId.of("1")).containing("deploy");
        ArchivedConversation last = new ArchivedConversation("2025-11-25_conversation-with-1-in-1.json", java.util.Optional.empty(),
                GuildId.of("1"), "", dev.parley.domain.id.UserId.of("1"), java.util.List.of(), Instant.EPOCH, Instant.EPOCH, 0);
        ArchivePageRequest next = ArchivePageRequest.after(ArchiveCursor.after(last, query), 10);

        assertThat(next.positionFor(query)).isPresent();
        assertThat(next.positionFor(ArchiveQuery.ALL.inGuild(GuildId.of("1")).containing("deploy"))).isPresent();
        for (ArchiveQuery other : java.util.List.of(ArchiveQuery.ALL, query.containing("deploys"), query.withMessageType(MessageType.CHAT),
                query.inGuild(GuildId.of("2")))) {
            assertThatThrownBy(() -> next.positionFor(other))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.PAGE_CURSOR));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501})
    void limitsOutsideOneTo500AreRefused(int limit) {
        assertThatThrownBy(() -> ArchivePageRequest.first(limit))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.PAGE_LIMIT))
                .hasMessage("page limit must be between 1 and 500, got " + limit);
    }

    @Test
    void theDefaultPageHoldsFifty() {
        assertThat(ArchivePageRequest.first().limit()).isEqualTo(50);
    }

    @Test
    void emptyAndOverlongTextsAreRefused() {
        assertThatThrownBy(() -> ArchiveQuery.ALL.containing("   "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.SEARCH_TEXT));
        assertThatThrownBy(() -> ArchiveQuery.ALL.containing("x".repeat(501)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.SEARCH_TEXT));
        assertThat(ArchiveQuery.ALL.containing("  deploy ").text()).contains("deploy");
    }
}

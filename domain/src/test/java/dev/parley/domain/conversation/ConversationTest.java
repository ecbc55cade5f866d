package dev.parley.domain.conversation;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.FILE_NAME;
import static dev.parley.domain.testing.EchoExamples.OTHER_USER;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InvalidInputException;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.MessageId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.testing.EchoExamples;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void aNewConversationHasOnlyItsRequesterAsParticipant() {
        Conversation c = EchoExamples.newConversation();

        assertThat(c.participants()).containsExactly(REQUESTER);
        assertThat(c.history()).isEmpty();
        assertThat(c.summary()).isEmpty();
        assertThat(c.updatedAt()).isEqualTo(c.createdAt());
    }

    @Test
    void fileNameFollowsTheEchoDocument() {
        assertThat(EchoExamples.newConversation().fileName()).isEqualTo(FILE_NAME);
        assertThat(EchoExamples.newConversation().fileNameWithThread())
                .isEqualTo("2025-11-25_conversation-with-123456789012345678-in-987654321_thread-1234567890.json");
    }

    @Test
    void fileNameIsDatedByCreationDayInUtcNeverBySavingTime() {
        Conversation lateEvening = Conversation.start(ThreadId.of("1"), GuildId.of("2"), "g", REQUESTER,
                Instant.parse("2025-11-25T23:59:59.999999Z"));
        Conversation later = lateEvening.append(Message.chat(Instant.parse("2025-11-26T00:10:00Z"), "after midnight")).conversation();

        assertThat(later.fileName()).startsWith("2025-11-25_");
    }

    @Test
    void participantsGrowWithNewSendersInOrderOfFirstAppearanceOnly() {
        Conversation c = EchoExamples.withMessages(EchoExamples.newConversation(),
                Message.chat(CREATED_AT, "hi").from(OTHER_USER),
                Message.chat(CREATED_AT, "ai"),
                Message.chat(CREATED_AT, "again").from(REQUESTER),
                Message.chat(CREATED_AT, "and again").from(OTHER_USER));

        assertThat(c.participants()).containsExactly(REQUESTER, OTHER_USER);
        assertThat(c.history()).hasSize(4);
    }

    @Test
    void appendingLeavesTheOriginalUntouched() {
        Conversation before = EchoExamples.newConversation();

        Conversation after = before.append(EchoExamples.hello()).conversation();

        assertThat(before.history()).isEmpty();
        assertThat(after.history()).containsExactly(EchoExamples.hello());
        assertThat(after.updatedAt()).isEqualTo(EchoExamples.hello().createdAt());
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        Message m = Message.chat(Instant.parse("2025-11-25T10:30:00.123456789Z"), "x");

        assertThat(m.createdAt()).isEqualTo(Instant.parse("2025-11-25T10:30:00.123456Z"));
    }

    @Test
    void collectionsCannotBeChangedFromOutside() {
        Conversation c = EchoExamples.documentConversation();

        assertThatThrownBy(() -> c.history().add(EchoExamples.hello())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.participants().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toolParametersAreDeeplyImmutableAndKeepTheirOrder() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("query", "python async");
        params.put("limit", 5);
        params.put("list", new java.util.ArrayList<>(List.of(1, 2)));
        ToolCall call = new ToolCall("search", params);
        params.put("late", "change");

        assertThat(call.params()).containsOnlyKeys("query", "limit", "list");
        assertThat(call.params().keySet()).containsExactly("query", "limit", "list");
        assertThatThrownBy(() -> ((List<?>) call.params().get("list")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toolParametersMustBeJsonValues() {
        assertThatThrownBy(() -> new ToolCall("x", Map.of("when", Instant.EPOCH)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("JSON values");
        assertThatThrownBy(() -> new ToolCall(" ", Map.of())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aMessageWhoseIdIsInTheHistoryIsADuplicateAndChangesNothing() {
        Message fromDiscord = EchoExamples.hello().withId(MessageId.of("1311111111111111111"));
        Conversation once = EchoExamples.newConversation().append(fromDiscord).conversation();

        AppendResult again = once.append(fromDiscord.withAttachments(List.of("https://cdn.example/late.png")));

        assertThat(again).isEqualTo(new AppendResult.Duplicate(once, MessageId.of("1311111111111111111")));
        assertThat(again.conversation().history()).containsExactly(fromDiscord);
    }

    @Test
    void messagesWithoutAnIdAreAlwaysAppended() {
        Conversation twice = EchoExamples.withMessages(EchoExamples.newConversation(), EchoExamples.hello(), EchoExamples.hello());

        assertThat(twice.history()).containsExactly(EchoExamples.hello(), EchoExamples.hello());
        assertThat(EchoExamples.newConversation().append(EchoExamples.hello())).isInstanceOf(AppendResult.Appended.class);
    }

    @Test
    void anOlderVersionAppendedToBranchesOffWithoutTouchingTheNewerOne() {
        Message first = Message.chat(CREATED_AT, "first").withId(MessageId.of("1"));
        Conversation base = EchoExamples.newConversation().append(first).conversation();
        Conversation newer = base.append(Message.chat(CREATED_AT, "second").withId(MessageId.of("2"))).conversation();

        Conversation branch = base.append(Message.chat(CREATED_AT, "other second").withId(MessageId.of("3"))).conversation();

        assertThat(newer.history()).extracting(Message::content).containsExactly("first", "second");
        assertThat(branch.history()).extracting(Message::content).containsExactly("first", "other second");
        assertThat(base.history()).extracting(Message::content).containsExactly("first");
        assertThat(branch.append(Message.chat(CREATED_AT, "x").withId(MessageId.of("2")))).as("2 is only in the other branch")
                .isInstanceOf(AppendResult.Appended.class);
        assertThat(newer.append(Message.chat(CREATED_AT, "x").withId(MessageId.of("3")))).isInstanceOf(AppendResult.Appended.class);
        assertThat(base.append(first)).isInstanceOf(AppendResult.Duplicate.class);
    }

    @Test
    void aLongHistoryGrowsInPlaceAndEveryVersionKeepsItsOwnLength() {
        Conversation c = EchoExamples.newConversation();
        List<Conversation> versions = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            versions.add(c);
            c = c.append(Message.chat(CREATED_AT, "m" + i).withId(MessageId.of(String.valueOf(i + 1)))).conversation();
        }

        for (int i = 0; i < versions.size(); i += 97) {
            assertThat(versions.get(i).history()).hasSize(i);
            assertThat(versions.get(i).append(Message.chat(CREATED_AT, "late").withId(MessageId.of(String.valueOf(i + 1)))))
                    .as("id %s is not in version %s", i + 1, i).isInstanceOf(AppendResult.Appended.class);
        }
        assertThat(c.history()).hasSize(1_000);
        assertThat(c.history().get(999).content()).isEqualTo("m999");
        assertThat(c.append(Message.chat(CREATED_AT, "again").withId(MessageId.of("500")))).isInstanceOf(AppendResult.Duplicate.class);
        assertThat(c).isEqualTo(new Conversation(c.threadId(), c.createdAt(), c.updatedAt(), c.summary(), c.guildId(), c.guildName(),
                c.requester(), c.participants(), List.copyOf(c.history())));
    }

    @Test
    void toolParameterNumbersCompareEqualWhateverJavaTypeAParserPicked() {
        ToolCall asInts = new ToolCall("search", Map.of("limit", 5, "ratio", 0.5f));
        ToolCall asLongs = new ToolCall("search", Map.of("limit", 5L, "ratio", 0.5d));

        assertThat(asInts).isEqualTo(asLongs);
        assertThat(asInts.params().get("limit")).isEqualTo(5L);
    }
}

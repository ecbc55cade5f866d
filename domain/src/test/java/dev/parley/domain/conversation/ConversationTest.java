package dev.parley.domain.conversation;

import static dev.parley.domain.testing.EchoExamples.CREATED_AT;
import static dev.parley.domain.testing.EchoExamples.FILE_NAME;
import static dev.parley.domain.testing.EchoExamples.OTHER_USER;
import static dev.parley.domain.testing.EchoExamples.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InvalidInputException;
import dev.parley.domain.id.GuildId;
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
        Conversation later = lateEvening.append(Message.chat(Instant.parse("2025-11-26T00:10:00Z"), "after midnight"));

        assertThat(later.fileName()).startsWith("2025-11-25_");
    }

    @Test
    void participantsGrowWithNewSendersInOrderOfFirstAppearanceOnly() {
        Conversation c = EchoExamples.newConversation()
                .append(Message.chat(CREATED_AT, "hi").from(OTHER_USER))
                .append(Message.chat(CREATED_AT, "ai"))
                .append(Message.chat(CREATED_AT, "again").from(REQUESTER))
                .append(Message.chat(CREATED_AT, "and again").from(OTHER_USER));

        assertThat(c.participants()).containsExactly(REQUESTER, OTHER_USER);
        assertThat(c.history()).hasSize(4);
    }

    @Test
    void appendingLeavesTheOriginalUntouched() {
        Conversation before = EchoExamples.newConversation();

        Conversation after = before.append(EchoExamples.hello());

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
    void messageTypesUseTheDocumentsLowercaseNames() {
        assertThat(List.of(MessageType.values())).extracting(MessageType::wireName)
                .containsExactly("thinking", "chat", "tool_call", "tool_call_response");
        assertThat(MessageType.fromWireName("tool_call_response")).isEqualTo(MessageType.TOOL_CALL_RESPONSE);
        assertThat(MessageType.fromWireName("TOOL_CALL")).isEqualTo(MessageType.TOOL_CALL);
    }

    @Test
    void unknownMessageTypeIsRejectedListingTheAcceptedOnes() {
        assertThatThrownBy(() -> MessageType.fromWireName("shout"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("message_type must be one of thinking, chat, tool_call, tool_call_response, got \"shout\"");
        assertThatThrownBy(() -> MessageType.fromWireName(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void toolParameterNumbersCompareEqualWhateverJavaTypeAParserPicked() {
        ToolCall asInts = new ToolCall("search", Map.of("limit", 5, "ratio", 0.5f));
        ToolCall asLongs = new ToolCall("search", Map.of("limit", 5L, "ratio", 0.5d));

        assertThat(asInts).isEqualTo(asLongs);
        assertThat(asInts.params().get("limit")).isEqualTo(5L);
    }
}

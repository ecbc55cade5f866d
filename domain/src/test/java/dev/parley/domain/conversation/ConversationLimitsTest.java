package dev.parley.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.InvalidInputException.Rule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationLimitsTest {

    private static final Instant NOW = Instant.parse("2025-11-25T10:30:00Z");
    private final ConversationLimits limits = ConversationLimits.defaults();

    /** Parameters nested {@code depth} levels deep: the params object is level 1. */
    static Map<String, Object> nested(int depth) {
        Object inner = "bottom";
        for (int level = depth; level > 1; level--) {
            inner = level % 2 == 0 ? Map.of("k", inner) : List.of(inner);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("k", inner);
        return params;
    }

    private static Message toolCall(Map<String, Object> params) {
        return Message.of(NOW, MessageType.TOOL_CALL, "calling").withTools(List.of(ToolCall.of("search", params)));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(limits).isEqualTo(new ConversationLimits(262_144, 32, 10_000, 16_777_216L));
    }

    @Test
    void toolParametersMayNestUpToTheLimitAndNotOneLevelMore() {
        assertThatCode(() -> limits.check(toolCall(nested(32)))).doesNotThrowAnyException();

        assertThatThrownBy(() -> limits.check(toolCall(nested(33))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(InputField.TOOL_PARAMETERS);
                    assertThat(e.rule()).isEqualTo(Rule.TOO_DEEP);
                    assertThat(e.problem()).contains("at most 32 levels");
                });
        assertThatThrownBy(() -> limits.check(toolCall(nested(1_000)))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void contentMayBeUpToTheLimitInUtf8Bytes() {
        ConversationLimits small = new ConversationLimits(8, 32, 10, 100);

        assertThatCode(() -> small.check(Message.chat(NOW, "😀😀"))).as("two astral characters, 4 bytes each").doesNotThrowAnyException();
        assertThatThrownBy(() -> small.check(Message.chat(NOW, "😀😀x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(InputField.MESSAGE_CONTENT);
                    assertThat(e.rule()).isEqualTo(Rule.TOO_LARGE);
                    assertThat(e.problem()).isEqualTo("must be at most 8 bytes of UTF-8, got 9");
                });
    }

    @Test
    void theWholeMessagesTextCountsTowardsItsSize() {
        ConversationLimits small = new ConversationLimits(10, 32, 10, 100);

        assertThatThrownBy(() -> small.check(Message.chat(NOW, "12345").withAttachments(List.of("https://x"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(InputField.MESSAGE));
    }

    @Test
    void loneSurrogatesAreRefusedWhereverTheyAre() {
        String lone = "a\ud800b";
        List<Message> messages = List.of(
                Message.chat(NOW, lone),
                Message.chat(NOW, "x").withAuthorName(lone),
                Message.chat(NOW, "x").withAttachments(List.of(lone)),
                toolCall(Map.of("q", lone)),
                toolCall(Map.of(lone, 1)),
                toolCall(Map.of("deep", List.of(Map.of("q", "\udc00")))));

        for (Message message : messages) {
            assertThatThrownBy(() -> limits.check(message))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.rule()).isEqualTo(Rule.NOT_UNICODE);
                        assertThat(e.problem()).contains("lone surrogate");
                    });
        }
        assertThatThrownBy(() -> limits.checkText(InputField.SUMMARY, "end\ud83d"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problem()).contains("\\ud83d at character 3"));
    }

    @Test
    void surrogatePairsAreValidUnicode() {
        assertThatCode(() -> limits.check(Message.chat(NOW, "𝄞 😀 \ud83d\ude00"))).doesNotThrowAnyException();
    }

    @Test
    void theWeightIsTheUtf8BytesOfAllTheText() {
        Message message = Message.chat(NOW, "héllo").withAuthorName("Ann").withAttachments(List.of("u"))
                .withTools(List.of(ToolCall.of("t", Map.of("k", List.of("v", 12, true)))));

        assertThat(message.weight()).isEqualTo(6 + 3 + 1 + 1 + 1 + 1 + 2 + 4);
    }

    @Test
    void aConversationRefusesWhatWouldTakeItOverALimitButTakesAReplay() {
        ConversationLimits two = new ConversationLimits(100, 32, 2, 1_000);
        Conversation c = Conversation.start(dev.parley.domain.testing.EchoExamples.THREAD, dev.parley.domain.testing.EchoExamples.GUILD,
                "g", dev.parley.domain.testing.EchoExamples.REQUESTER, NOW);
        Message withId = Message.chat(NOW, "a").withId(dev.parley.domain.id.MessageId.of("7"));
        c = c.append(withId, two).conversation();
        c = c.append(Message.chat(NOW, "b"), two).conversation();

        assertThat(c.append(Message.chat(NOW, "c"), two)).isEqualTo(new AppendResult.Refused(c, AppendOutcome.MESSAGE_LIMIT));
        assertThat(c.append(withId, two)).isInstanceOf(AppendResult.Duplicate.class);
        assertThat(c.weight()).isEqualTo(2);
    }

    @Test
    void aConversationCannotHoldLessThanItsLargestMessage() {
        assertThatThrownBy(() -> new ConversationLimits(100, 32, 10, 99)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.parley.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.application.port.in.SkipReason;
import dev.parley.domain.InputField;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.reply.DenialReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The API's own names for what the domain only types: message types, denial reasons, refused inputs. */
class WireNamesTest {

    @Test
    void messageTypesUseTheEchoDocumentsLowercaseNames() {
        assertThat(Arrays.stream(MessageType.values()).map(MessageJson::typeName))
                .containsExactly("thinking", "chat", "tool_call", "tool_call_response");
    }

    @Test
    void denialReasonsUseTheDocumentedNames() {
        assertThat(Arrays.stream(DenialReason.values()).map(GateDecisionJson::reasonName))
                .containsExactly("avatar_cooldown", "bot_reply_cooldown", "responders_full", "narrative_cooldown", "storage_unavailable");
    }

    @Test
    void skipReasonsUseTheDocumentedNames() {
        assertThat(Arrays.stream(SkipReason.values()).map(SkipReasons::name)).containsExactly("chain_limit", "avatar_cooldown",
                "bot_reply_cooldown", "responders_full", "storage_unavailable", "model_not_configured", "model_timeout",
                "model_rate_limited", "model_failed", "budget_exhausted", "empty_reply", "post_failed", "interrupted", "internal_error");
    }

    @Test
    void refusedIdsAreInvalidIdsNamedByTheirJsonKey() {
        assertThat(ErrorCodes.forInvalidField(InputField.THREAD_ID)).isEqualTo("invalid_id");
        assertThat(ErrorCodes.wireName(InputField.THREAD_ID)).isEqualTo("thread_id");
        assertThat(ErrorCodes.forInvalidField(InputField.AVATAR_ID)).isEqualTo("invalid_id");
        assertThat(ErrorCodes.forInvalidField(InputField.FIRST_DAY)).isEqualTo("invalid_date");
        assertThat(ErrorCodes.forInvalidField(InputField.TOOL_CALL)).isEqualTo("invalid_input");
    }

    @Test
    void refusedArchiveSearchInputsAreNamedByTheirQueryParameter() {
        assertThat(ErrorCodes.wireName(InputField.PAGE_LIMIT)).isEqualTo("limit");
        assertThat(ErrorCodes.forInvalidField(InputField.PAGE_LIMIT)).isEqualTo("invalid_input");
        assertThat(ErrorCodes.wireName(InputField.PAGE_CURSOR)).isEqualTo("cursor");
        assertThat(ErrorCodes.forInvalidField(InputField.PAGE_CURSOR)).isEqualTo("invalid_cursor");
        assertThat(ErrorCodes.wireName(InputField.SEARCH_TEXT)).isEqualTo("q");
        assertThat(ErrorCodes.forInvalidField(InputField.SEARCH_TEXT)).isEqualTo("invalid_input");
        assertThat(ErrorCodes.wireName(InputField.MESSAGE_TYPE)).isEqualTo("message_type");
        assertThat(ErrorCodes.forInvalidField(InputField.MESSAGE_TYPE)).isEqualTo("invalid_message_type");
    }
}

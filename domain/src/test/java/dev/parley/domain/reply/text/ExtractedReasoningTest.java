package dev.parley.domain.reply.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractedReasoningTest {

    @Test
    void textWithoutTagsIsAllVisible() {
        ExtractedReasoning extracted = ExtractedReasoning.from("  Hello there.  ");

        assertThat(extracted.visible()).isEqualTo("Hello there.");
        assertThat(extracted.reasoning()).isEmpty();
        assertThat(extracted.hasReasoning()).isFalse();
    }

    @Test
    void aLeadingThinkBlockIsReasoning() {
        ExtractedReasoning extracted = ExtractedReasoning.from("<think>\nThey greet me.\n</think>\n\nHello!");

        assertThat(extracted.visible()).isEqualTo("Hello!");
        assertThat(extracted.reasoning()).containsExactly("They greet me.");
    }

    @Test
    void blocksAnywhereAreTakenOutInOrder() {
        ExtractedReasoning extracted = ExtractedReasoning.from("One <think>first</think>two <THINK>second</Think> three");

        assertThat(extracted.visible()).isEqualTo("One two  three");
        assertThat(extracted.reasoning()).containsExactly("first", "second");
    }

    @Test
    void anUnclosedThinkMakesTheRestReasoning() {
        ExtractedReasoning extracted = ExtractedReasoning.from("Partial answer <think>and then I ran out of tok");

        assertThat(extracted.visible()).isEqualTo("Partial answer");
        assertThat(extracted.reasoning()).containsExactly("and then I ran out of tok");
    }

    @Test
    void anUnclosedThinkAtTheStartLeavesNothingVisible() {
        ExtractedReasoning extracted = ExtractedReasoning.from("<think>still thinking");

        assertThat(extracted.visible()).isEmpty();
        assertThat(extracted.reasoning()).containsExactly("still thinking");
    }

    @Test
    void aClosingTagBeforeAnyOpeningOneEndsReasoningThatBeganInThePrompt() {
        ExtractedReasoning extracted = ExtractedReasoning.from("The user wants a greeting.\n</think>\n\nHi!");

        assertThat(extracted.visible()).isEqualTo("Hi!");
        assertThat(extracted.reasoning()).containsExactly("The user wants a greeting.");
    }

    @Test
    void aStrayClosingTagLaterIsDropped() {
        ExtractedReasoning extracted = ExtractedReasoning.from("<think>a</think>Hello</think> world");

        assertThat(extracted.visible()).isEqualTo("Hello world");
        assertThat(extracted.reasoning()).containsExactly("a");
    }

    @Test
    void emptyBlocksAddNoReasoning() {
        ExtractedReasoning extracted = ExtractedReasoning.from("<think>\n\n</think>Answer");

        assertThat(extracted.visible()).isEqualTo("Answer");
        assertThat(extracted.reasoning()).isEmpty();
    }

    @Test
    void aNestedOpeningTagBelongsToTheOuterBlock() {
        ExtractedReasoning extracted = ExtractedReasoning.from("<think>a <think> b</think> c");

        assertThat(extracted.visible()).isEqualTo("c");
        assertThat(extracted.reasoning()).isEqualTo(List.of("a <think> b"));
    }

    @Test
    void otherAngleBracketsAreText() {
        ExtractedReasoning extracted = ExtractedReasoning.from("Use <b>bold</b> and <thinking> is not a tag");

        assertThat(extracted.visible()).isEqualTo("Use <b>bold</b> and <thinking> is not a tag");
        assertThat(extracted.reasoning()).isEmpty();
    }
}

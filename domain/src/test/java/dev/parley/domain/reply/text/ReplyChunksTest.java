package dev.parley.domain.reply.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyChunksTest {

    private static String repeat(String unit, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() + unit.length() <= length) {
            text.append(unit);
        }
        return text.toString();
    }

    @Test
    void aShortReplyIsOneChunk() {
        assertThat(ReplyChunks.split("  Hello there.\n")).containsExactly("Hello there.");
    }

    @Test
    void aBlankReplyIsNoChunk() {
        assertThat(ReplyChunks.split(" \n\t ")).isEmpty();
        assertThat(ReplyChunks.split("")).isEmpty();
    }

    @Test
    void exactlyTwoThousandCharactersIsOneChunk() {
        String text = "x".repeat(2000);

        assertThat(ReplyChunks.split(text)).containsExactly(text);
    }

    @Test
    void paragraphsAreKeptWholeWhenTheyFit() {
        String paragraph = repeat("Lorem ipsum dolor sit amet. ", 1200).strip();
        String text = paragraph + "\n\n" + paragraph + "\n\n" + paragraph;

        List<String> chunks = ReplyChunks.split(text);

        assertThat(chunks).containsExactly(paragraph, paragraph, paragraph);
    }

    @Test
    void aLineBreakIsPreferredToASentenceEnd() {
        String first = repeat("Short sentence. ", 1500).strip();
        String second = repeat("More words here. ", 1000).strip();

        List<String> chunks = ReplyChunks.split(first + "\n" + second);

        assertThat(chunks).containsExactly(first, second);
    }

    @Test
    void aLongParagraphIsCutAfterTheLastSentenceThatFits() {
        String text = repeat("This sentence has exactly forty chars. ", 5000).strip();

        List<String> chunks = ReplyChunks.split(text);

        assertThat(chunks).hasSizeGreaterThan(2).allSatisfy(chunk -> assertThat(chunk).hasSizeLessThanOrEqualTo(2000).endsWith("."));
        assertThat(chunks.getFirst().length()).as("all the sentences that fit").isGreaterThan(2000 - "This sentence has exactly forty chars. ".length());
        assertThat(String.join(" ", chunks)).isEqualTo(text);
    }

    @Test
    void withoutSentencesItCutsBetweenWords() {
        String text = repeat("word ", 4100).strip();

        List<String> chunks = ReplyChunks.split(text);

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).hasSizeLessThanOrEqualTo(2000).startsWith("word").endsWith("word"));
        assertThat(String.join(" ", chunks)).isEqualTo(text);
    }

    @Test
    void oneEndlessWordIsCutHard() {
        String text = "a".repeat(4500);

        List<String> chunks = ReplyChunks.split(text);

        assertThat(chunks).extracting(String::length).containsExactly(2000, 2000, 500);
    }

    @Test
    void aHardCutNeverSplitsASurrogatePair() {
        String text = "x" + "😀".repeat(1500);

        List<String> chunks = ReplyChunks.split(text);

        assertThat(chunks.getFirst()).hasSize(1999);
        assertThat(String.join("", chunks)).isEqualTo(text);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
        });
    }

    @Test
    void aCodeBlockCutInTwoIsClosedAndReopenedWithItsLanguage() {
        String code = repeat("    System.out.println(\"hello\");\n", 3000);
        String text = "Here:\n```java\n" + code + "```\nDone.";

        List<String> chunks = ReplyChunks.split(text);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)).startsWith("Here:\n```java\n").endsWith("\n```").hasSizeLessThanOrEqualTo(2000);
        assertThat(chunks.get(1)).startsWith("```java\n    System.out").endsWith("```\nDone.");
        assertThat(chunks).allSatisfy(chunk -> assertThat(fences(chunk) % 2).isZero());
    }

    @Test
    void anUntaggedBlockIsReopenedUntagged() {
        String text = "```\n" + repeat("line of code\n", 2500) + "```";

        List<String> chunks = ReplyChunks.split(text);

        assertThat(chunks.get(1)).startsWith("```\nline of code");
    }

    @Test
    void anUnclosedBlockAtTheEndIsClosed() {
        assertThat(ReplyChunks.split("Look:\n```python\nprint(1)")).containsExactly("Look:\n```python\nprint(1)\n```");
    }

    @Test
    void aVeryLongLanguageTagIsNotCarried() {
        String tag = "x".repeat(30);
        String text = "```" + tag + "\n" + repeat("code\n", 3000) + "```";

        List<String> chunks = ReplyChunks.split(text);

        assertThat(chunks.get(1)).startsWith("```\ncode");
    }

    @Test
    void theNextChunkKeepsTheIndentationOfItsFirstLine() {
        String text = "```\n" + repeat("  indented\n", 2500) + "```";

        List<String> chunks = ReplyChunks.split(text);

        assertThat(chunks.get(1)).startsWith("```\n  indented");
    }

    @Test
    void windowsLineEndsCountAsLineEnds() {
        assertThat(ReplyChunks.split("a\r\nb")).containsExactly("a\nb");
    }

    @Test
    void aLimitTooSmallForAFenceIsRefused() {
        assertThatThrownBy(() -> ReplyChunks.split("text", 63))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limit must be at least 64, got 63");
    }

    static int fences(String chunk) {
        int count = 0;
        for (int at = chunk.indexOf("```"); at >= 0; at = chunk.indexOf("```", at + 3)) {
            count++;
        }
        return count;
    }
}

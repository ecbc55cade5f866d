package dev.parley.domain.reply.text;

import static dev.parley.domain.testing.Generated.weighted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.testing.Generated;
import dev.parley.domain.testing.Seeded;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every split must keep, for generated replies mixing words, sentences, lines, paragraphs,
 * code fences, emoji, very long words and unbroken runs; each property runs on 200 cases
 * ({@link Seeded}: a failure names its seed and the smallest failing reply found).
 */
class ReplyChunksPropertiesTest {

    private static final int CASES = 200;

    @Test
    void everyChunkFitsAndHoldsText() {
        Seeded.cases(CASES).forAll(ReplyChunksPropertiesTest::replyAndLimit, ReplyCase::smaller, reply -> {
            List<String> chunks = ReplyChunks.split(reply.text(), reply.limit());

            assertThat(chunks).allSatisfy(chunk -> {
                assertThat(chunk.length()).isLessThanOrEqualTo(reply.limit());
                assertThat(chunk).isNotBlank();
            });
            assertThat(chunks.isEmpty()).isEqualTo(reply.text().isBlank());
        });
    }

    @Test
    void everyChunkHasBalancedFences() {
        Seeded.cases(CASES).forAll(ReplyChunksPropertiesTest::replyAndLimit, ReplyCase::smaller, reply ->
                assertThat(ReplyChunks.split(reply.text(), reply.limit()))
                        .allSatisfy(chunk -> assertThat(ReplyChunksTest.fences(chunk) % 2).isZero()));
    }

    @Test
    void noChunkSplitsASurrogatePair() {
        Seeded.cases(CASES).forAll(ReplyChunksPropertiesTest::replyAndLimit, ReplyCase::smaller, reply ->
                assertThat(ReplyChunks.split(reply.text(), reply.limit())).allSatisfy(chunk -> {
                    assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
                    assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
                }));
    }

    /** The slices, in order, are the reply with only whitespace left out between them; fences are the only additions. */
    @Test
    void theTextIsPreservedApartFromWhitespaceAtCutsAndAddedFenceLines() {
        Seeded.cases(CASES).forAll(ReplyChunksPropertiesTest::replyAndLimit, ReplyCase::smaller, reply -> {
            List<ReplyChunks.Piece> pieces = ReplyChunks.pieces(reply.text(), reply.limit());
            String normalised = reply.text().replace("\r\n", "\n");

            int pos = 0;
            for (ReplyChunks.Piece piece : pieces) {
                int at = normalised.indexOf(piece.body(), pos);
                assertThat(at).as("slice found after position %d", pos).isGreaterThanOrEqualTo(pos);
                assertThat(normalised.substring(pos, at)).as("what a cut dropped").isBlank();
                pos = at + piece.body().length();
            }
            assertThat(normalised.substring(pos)).isBlank();
            for (int i = 0; i < pieces.size(); i++) {
                ReplyChunks.Piece piece = pieces.get(i);
                assertThat(piece.closing()).isIn("", "\n```");
                assertThat(piece.reopening()).matches("(```[A-Za-z0-9_+.#-]*\n)?");
                boolean previousClosed = i > 0 && !pieces.get(i - 1).closing().isEmpty();
                assertThat(piece.reopening().isEmpty()).as("reopened only after a closed chunk").isEqualTo(!previousClosed);
            }
        });
    }

    @Test
    void discordsLimitHoldsForLongReplies() {
        Seeded.cases(CASES).forAll(ReplyChunksPropertiesTest::replyAndLimit, ReplyCase::smaller, reply -> {
            String longReply = reply.text().repeat(8);

            assertThat(ReplyChunks.split(longReply)).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(2000));
        });
    }

    /** A reply of up to 600 tokens and a limit from 64 to 2000 (its ends one time in ten). */
    static ReplyCase replyAndLimit(Generated generated) {
        List<String> tokens = generated.list(0, 600, () -> token(generated));
        int limit = generated.chance(0.1) ? generated.pick(64, 65, 1999, 2000) : generated.between(64, 2000);
        return new ReplyCase(tokens, limit);
    }

    private static String token(Generated generated) {
        return generated.oneOf(
                weighted(30, () -> generated.string(1, 12, Generated.LOWER)),
                weighted(20, () -> " "),
                weighted(6, () -> generated.pick(". ", "! ", "? ", "… ", "。")),
                weighted(6, () -> "\n"),
                weighted(4, () -> generated.pick("\n\n", "\r\n", "\n  ", "    ", "\t")),
                weighted(3, () -> generated.pick("```", "```java\n", "```\n", "\n```\n", "`", "``")),
                weighted(3, () -> generated.pick("😀", "👨‍👩‍👧", "é", "日本語")),
                weighted(1, () -> generated.string(50, 2500, Generated.LOWER)),
                weighted(1, () -> String.join("", generated.list(40, 1500, () -> generated.pick("😀", "x", "é", "`")))));
    }

    /** A reply as the tokens it was made of (so a failure shrinks by dropping tokens) and a chunk limit. */
    record ReplyCase(List<String> tokens, int limit) {

        String text() {
            return String.join("", tokens);
        }

        Stream<ReplyCase> smaller() {
            return Seeded.shorter(tokens).map(fewer -> new ReplyCase(fewer, limit));
        }

        @Override
        public String toString() {
            StringBuilder quoted = new StringBuilder();
            for (String token : tokens) {
                quoted.append(quoted.isEmpty() ? "" : ", ").append('"').append(escaped(token)).append('"');
            }
            return "limit " + limit + ", a reply of " + text().length() + " chars in " + tokens.size() + " tokens: [" + quoted + "]";
        }

        private static String escaped(String token) {
            return token.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        }
    }
}

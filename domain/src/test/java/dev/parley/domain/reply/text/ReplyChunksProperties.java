package dev.parley.domain.reply.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** What every split must keep, for texts mixing words, sentences, lines, paragraphs, code fences and emoji. */
class ReplyChunksProperties {

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> longWord = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(50).ofMaxLength(2500);
        Arbitrary<String> unbrokenRun = Arbitraries.of("😀", "x", "é", "`").list().ofMinSize(40).ofMaxSize(1500)
                .map(parts -> String.join("", parts));
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(30, word),
                Tuple.of(20, Arbitraries.just(" ")),
                Tuple.of(6, Arbitraries.of(". ", "! ", "? ", "… ", "。")),
                Tuple.of(6, Arbitraries.just("\n")),
                Tuple.of(4, Arbitraries.of("\n\n", "\r\n", "\n  ", "    ", "\t")),
                Tuple.of(3, Arbitraries.of("```", "```java\n", "```\n", "\n```\n", "`", "``")),
                Tuple.of(3, Arbitraries.of("😀", "👨‍👩‍👧", "é", "日本語")),
                Tuple.of(1, longWord),
                Tuple.of(1, unbrokenRun));
        return token.list().ofMaxSize(600).map(tokens -> String.join("", tokens));
    }

    @Property(tries = 200)
    void everyChunkFitsAndHoldsText(@ForAll("replies") String reply, @ForAll @IntRange(min = 64, max = 2000) int limit) {
        List<String> chunks = ReplyChunks.split(reply, limit);

        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.length()).isLessThanOrEqualTo(limit);
            assertThat(chunk).isNotBlank();
        });
        assertThat(chunks.isEmpty()).isEqualTo(reply.isBlank());
    }

    @Property(tries = 200)
    void everyChunkHasBalancedFences(@ForAll("replies") String reply, @ForAll @IntRange(min = 64, max = 2000) int limit) {
        assertThat(ReplyChunks.split(reply, limit)).allSatisfy(chunk -> assertThat(ReplyChunksTest.fences(chunk) % 2).isZero());
    }

    @Property(tries = 200)
    void noChunkSplitsASurrogatePair(@ForAll("replies") String reply, @ForAll @IntRange(min = 64, max = 2000) int limit) {
        assertThat(ReplyChunks.split(reply, limit)).allSatisfy(chunk -> {
            assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1))).isFalse();
        });
    }

    /** The slices, in order, are the reply with only whitespace left out between them; fences are the only additions. */
    @Property(tries = 200)
    void theTextIsPreservedApartFromWhitespaceAtCutsAndAddedFenceLines(@ForAll("replies") String reply,
                                                                         @ForAll @IntRange(min = 64, max = 2000) int limit) {
        List<ReplyChunks.Piece> pieces = ReplyChunks.pieces(reply, limit);
        String normalised = reply.replace("\r\n", "\n");

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
    }

    @Property(tries = 50)
    void discordsLimitHoldsForLongReplies(@ForAll("replies") String reply) {
        String longReply = reply.repeat(8);

        assertThat(ReplyChunks.split(longReply)).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(2000));
    }
}

package dev.parley.domain.reply.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import org.junit.jupiter.api.Test;

class PostableReplyTest {

    private static final Avatar AVA = Avatar.named(AvatarId.of("ava"), "Ava").withEmoji("🦊");

    @Test
    void reasoningComesOutBeforeThePrefixIsRemovedAndMentionsAreMadeInert() {
        PostableReply reply = PostableReply.of("<think>Greet them all.</think>\n**Ava**: Hello @everyone!", AVA);

        assertThat(reply.reasoning()).containsExactly("Greet them all.");
        assertThat(reply.text()).isEqualTo("Hello @\u200Beveryone!");
        assertThat(reply.chunks()).containsExactly("Hello @\u200Beveryone!");
        assertThat(reply.isEmpty()).isFalse();
    }

    @Test
    void aFiveThousandCharacterReplyIsPostedInThreeChunks() {
        String paragraph = "A".repeat(1600);
        String text = "Ava: " + paragraph + "\n\n" + paragraph + "\n\n" + paragraph + "\n\n" + "B".repeat(189);

        PostableReply reply = PostableReply.of(text, AVA);

        assertThat(text).hasSize(5000);
        assertThat(reply.chunks()).hasSize(3).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(2000));
        assertThat(reply.chunks().getFirst()).doesNotStartWith("Ava");
    }

    @Test
    void onlyReasoningLeavesNothingToPost() {
        PostableReply reply = PostableReply.of("<think>I have nothing to add", AVA);

        assertThat(reply.isEmpty()).isTrue();
        assertThat(reply.text()).isEmpty();
        assertThat(reply.reasoning()).containsExactly("I have nothing to add");
    }
}

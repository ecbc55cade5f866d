package dev.parley.domain.reply.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NamePrefixTest {

    private static final Avatar AVA = Avatar.named(AvatarId.of("ava"), "Ava").withEmoji("🦊");
    private static final Avatar DR_WHO = Avatar.named(AvatarId.of("who"), "Dr. Who");
    private static final Avatar HEART = Avatar.named(AvatarId.of("val"), "Val").withEmoji("❤️");

    @ParameterizedTest
    @ValueSource(strings = {
            "Ava: Hello there.",
            "ava: Hello there.",
            "AVA : Hello there.",
            "  Ava:Hello there.",
            "**Ava**: Hello there.",
            "**Ava:** Hello there.",
            "*Ava*: Hello there.",
            "__Ava__: Hello there.",
            "[Ava] Hello there.",
            "[Ava]: Hello there.",
            "[ Ava ] Hello there.",
            "Ava 🦊: Hello there.",
            "Ava🦊: Hello there.",
            "🦊 Ava: Hello there.",
            "**Ava 🦊**: Hello there.",
            "**Ava** 🦊: Hello there.",
            "[🦊 Ava] Hello there.",
    })
    void aLeadingNamePrefixIsRemoved(String reply) {
        assertThat(NamePrefix.strip(reply, AVA)).isEqualTo("Hello there.");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ava is here to help.",
            "Avatar: not my name",
            "Hello Ava: welcome",
            "Bob: Hello there.",
            "**Ava** Hello there.",
            "🦊: Hello there.",
    })
    void textThatIsNoNamePrefixStays(String reply) {
        assertThat(NamePrefix.strip(reply, AVA)).isEqualTo(reply);
    }

    @Test
    void onlyTheFirstPrefixIsRemoved() {
        assertThat(NamePrefix.strip("Ava: Ava: twice", AVA)).isEqualTo("Ava: twice");
    }

    @Test
    void theRestIsTrimmed() {
        assertThat(NamePrefix.strip("Ava:\n\n  Hello  \n", AVA)).isEqualTo("Hello");
        assertThat(NamePrefix.strip("  Hello  \n", AVA)).isEqualTo("Hello");
    }

    @Test
    void namesWithSpacesAndDotsAreLiteralWithFlexibleSpaces() {
        assertThat(NamePrefix.strip("Dr.  Who: Hi", DR_WHO)).isEqualTo("Hi");
        assertThat(NamePrefix.strip("DrX Who: Hi", DR_WHO)).isEqualTo("DrX Who: Hi");
    }

    @Test
    void anEmojiMatchesWithOrWithoutItsVariationSelector() {
        assertThat(NamePrefix.strip("Val ❤: Hi", HEART)).isEqualTo("Hi");
        assertThat(NamePrefix.strip("❤️ Val: Hi", HEART)).isEqualTo("Hi");
    }

    @Test
    void aReplyThatIsOnlyThePrefixBecomesEmpty() {
        assertThat(NamePrefix.strip("**Ava**:", AVA)).isEmpty();
    }
}

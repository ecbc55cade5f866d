package dev.parley.domain.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AvatarTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Zoe_2", "dr-who", "A-Z_a-z_0-9", "0123456789012345678901234567890123456789012345678901234567890123"})
    void avatarIdsAreOneToSixtyFourAsciiLettersDigitsUnderscoresAndDashes(String value) {
        assertThat(AvatarId.of(value).value()).isEqualTo(value);
        assertThat(AvatarId.of(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " a", "a b", "zoë", "a:b", "a/b", "../x", "a.b", "{tag}", "１",
            "01234567890123456789012345678901234567890123456789012345678901234", "a\nb"})
    void anythingElseIsRejectedNamingTheAvatarIdField(String value) {
        assertThatThrownBy(() -> AvatarId.of(value))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("avatar id ")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(InputField.AVATAR_ID));
    }

    @Test
    void anAvatarHasANameAndOptionallyAnEmojiAndAnImage() {
        Avatar zoe = Avatar.named(AvatarId.of("zoe"), "Zoë").withEmoji("🦊").withImageUrl("https://cdn.example/zoe.png");

        assertThat(zoe.name()).isEqualTo("Zoë");
        assertThat(zoe.emoji()).contains("🦊");
        assertThat(zoe.imageUrl()).contains("https://cdn.example/zoe.png");
        assertThat(Avatar.named(AvatarId.of("bob"), "Bob").emoji()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", " Bob", "Bob "})
    void blankOrPaddedNamesAreRejected(String name) {
        assertThatThrownBy(() -> Avatar.named(AvatarId.of("x"), name))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("avatar name ");
    }

    @Test
    void namesLongerThanDiscordAllowsAreRejected() {
        assertThat(Avatar.named(AvatarId.of("x"), "n".repeat(80)).name()).hasSize(80);
        assertThatThrownBy(() -> Avatar.named(AvatarId.of("x"), "n".repeat(81)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 80");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "🦊 🦊", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void badEmojiAreRejected(String emoji) {
        assertThatThrownBy(() -> Avatar.named(AvatarId.of("x"), "X").withEmoji(emoji))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("avatar emoji ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x/y.png", "cdn.example/a.png", "https://a b", "javascript:alert(1)"})
    void imageUrlsMustBeWebUrls(String url) {
        assertThatThrownBy(() -> Avatar.named(AvatarId.of("x"), "X").withImageUrl(url))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("avatar image url ");
    }

    @Test
    void aPresenceIsTouchedForwardAndDeactivatedNoEarlierThanItsLastActivity() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Presence p = Presence.activated(AvatarId.of("a"), t0);

        Presence touched = p.touched(t0.plusSeconds(5));
        Presence stepBack = touched.touched(t0.plusSeconds(1));
        Presence gone = touched.deactivated(t0.plusSeconds(2));

        assertThat(touched.lastActivityAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(stepBack.lastActivityAt()).as("a clock that steps back").isEqualTo(t0.plusSeconds(5));
        assertThat(gone.deactivatedAt()).contains(t0.plusSeconds(5));
        assertThat(gone.isActive()).isFalse();
        assertThatThrownBy(() -> new Presence(AvatarId.of("a"), t0, t0.minusSeconds(1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

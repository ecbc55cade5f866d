package dev.parley.domain.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InvalidInputException;
import dev.parley.domain.llm.ModelOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvatarsTest {

    private static AvatarProfile profile(String id, String name) {
        return new AvatarProfile(Avatar.named(AvatarId.of(id), name), "You are " + name + ".", ModelOptions.defaults());
    }

    private static final AvatarProfile AVA = new AvatarProfile(Avatar.named(AvatarId.of("ava"), "Ava").withEmoji("🦊"),
            "You are Ava.", ModelOptions.defaults());
    private static final AvatarProfile BOB = profile("bob", "Bob");
    private static final AvatarProfile DR_WHO = profile("who", "Dr. Who");

    @Test
    void avatarsAreFoundByIdAndByNameIgnoringCase() {
        Avatars avatars = Avatars.of(List.of(AVA, BOB, DR_WHO));

        assertThat(avatars.all()).containsExactly(AVA, BOB, DR_WHO);
        assertThat(avatars.find(AvatarId.of("bob"))).contains(BOB);
        assertThat(avatars.find(AvatarId.of("carol"))).isEmpty();
        assertThat(avatars.named("  ava ")).contains(AVA);
        assertThat(avatars.named("dr.   WHO")).contains(DR_WHO);
        assertThat(avatars.named("Av")).isEmpty();
        assertThat(avatars.size()).isEqualTo(3);
    }

    @Test
    void mentionsAreFoundByNameAndEmoji() {
        Avatars avatars = Avatars.of(List.of(AVA, BOB, DR_WHO));

        assertThat(avatars.mentionedIn("hey bob, ask 🦊 about it")).containsExactly(BOB, AVA);
        assertThat(avatars.mentionDetector().mentionedIn("Bobby")).isEmpty();
    }

    @Test
    void aSetIsItsOwnUnchangingCatalogue() {
        Avatars avatars = Avatars.of(List.of(AVA));
        AvatarCatalogue catalogue = avatars;

        assertThat(catalogue.current()).isSameAs(avatars);
        assertThat(catalogue.all()).containsExactly(AVA);
        assertThat(catalogue.find(AvatarId.of("ava"))).contains(AVA);
        assertThat(Avatars.none().isEmpty()).isTrue();
        assertThat(Avatars.of(List.of())).isSameAs(Avatars.none());
    }

    @Test
    void idsMustBeDistinct() {
        assertThatThrownBy(() -> Avatars.of(List.of(BOB, profile("bob", "Robert"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("avatar id bob is listed twice");
    }

    @Test
    void namesMustBeDistinctIgnoringCase() {
        assertThatThrownBy(() -> Avatars.of(List.of(BOB, profile("bob2", "BOB"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("avatar name \"BOB\" of bob2 is already the name of bob (names are compared ignoring case)");
    }

    @Test
    void aProfileNeedsAPersonality() {
        Avatar avatar = Avatar.named(AvatarId.of("x"), "X");
        assertThatThrownBy(() -> new AvatarProfile(avatar, "  ", ModelOptions.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessage("avatar personality is required and must not be blank");
        assertThatThrownBy(() -> new AvatarProfile(avatar, "x".repeat(20_001), ModelOptions.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 20000 characters");
        assertThat(new AvatarProfile(avatar, "You are X.", ModelOptions.defaults()).name()).isEqualTo("X");
    }
}

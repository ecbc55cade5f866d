package dev.parley.adapters.discord.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.avatar.Avatar;
import dev.parley.domain.avatar.AvatarId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AvatarNamesTest {

    private static String name(String avatarName) {
        return AvatarNames.forWebhook(Avatar.named(AvatarId.of("the-id"), avatarName));
    }

    /** Discord's rule as the docs state it; the sanitised names must never break it. */
    private static boolean refusedByDiscord(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.isEmpty() || name.length() > AvatarNames.MAX_LENGTH || lower.contains("discord") || lower.contains("clyde")
                || lower.equals("everyone") || lower.equals("here");
    }

    @Test
    void anOrdinaryNameStaysAsItIs() {
        assertThat(name("Zoë the Fox 🦊")).isEqualTo("Zoë the Fox 🦊");
    }

    @Test
    void discordAndClydeAnywhereAreBrokenUpWithAHairSpace() {
        assertThat(name("Clyde")).isEqualTo("C\u200Alyde");
        assertThat(name("my DISCORD pal clyde")).isEqualTo("my D\u200AISCORD pal c\u200Alyde");
        assertThat(name("discordclyde")).isEqualTo("d\u200Aiscordc\u200Alyde");
        assertThat(refusedByDiscord(name("Discord Clyde"))).isFalse();
    }

    @Test
    void everyoneAndHereAreBrokenUpOnlyAsWholeNames() {
        assertThat(name("everyone")).isEqualTo("e\u200Averyone");
        assertThat(name("HERE")).isEqualTo("H\u200AERE");
        assertThat(name("Here and there")).isEqualTo("Here and there");
        assertThat(refusedByDiscord(name("Everyone"))).isFalse();
    }

    @Test
    void controlCharactersAndRunsOfWhitespaceBecomeOneSpace() {
        assertThat(name("Zoe\n\tthe\u0007 fox")).isEqualTo("Zoe the fox");
    }

    @Test
    void longNamesAreCutToEightyWithoutSplittingACharacter() {
        assertThat(name("a".repeat(80))).hasSize(80);
        // 80 characters that grow by the hair space: the fox's surrogate pair would straddle the cut.
        String cut = name("clyde" + "b".repeat(73) + "🦊");
        assertThat(cut).isEqualTo("c\u200Alyde" + "b".repeat(73));
        String insertedPastTheLimit = name("x".repeat(75) + "clyde");
        assertThat(insertedPastTheLimit).hasSizeLessThanOrEqualTo(80);
        assertThat(refusedByDiscord(insertedPastTheLimit)).isFalse();
    }

    @Test
    void aNameWithNothingVisibleLeftFallsBackToTheAvatarsId() {
        assertThat(name("\u0007")).isEqualTo("the-id");
    }
}

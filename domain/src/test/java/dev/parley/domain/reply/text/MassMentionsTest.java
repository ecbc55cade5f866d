package dev.parley.domain.reply.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MassMentionsTest {

    private static final String ZWSP = "\u200B";

    @Test
    void everyoneAndHereNoLongerPing() {
        assertThat(MassMentions.neutralise("Hey @everyone and @here!"))
                .isEqualTo("Hey @" + ZWSP + "everyone and @" + ZWSP + "here!")
                .doesNotContain("@everyone", "@here");
    }

    @Test
    void anyCaseIsNeutralised() {
        assertThat(MassMentions.neutralise("@Everyone @HERE")).isEqualTo("@" + ZWSP + "Everyone @" + ZWSP + "HERE");
    }

    @Test
    void roleMentionsNoLongerParse() {
        assertThat(MassMentions.neutralise("Calling <@&123456789012345678> now"))
                .isEqualTo("Calling <@" + ZWSP + "&123456789012345678> now")
                .doesNotContainPattern("<@&\\d+>");
    }

    @Test
    void userMentionsAndOtherTextStay() {
        String text = "Thanks <@123456789012345678> and <#42>, mail me at a@b.example";
        assertThat(MassMentions.neutralise(text)).isEqualTo(text);
    }

    @Test
    void neutralisingTwiceChangesNothingMore() {
        String once = MassMentions.neutralise("@everyone <@&1> @here");

        assertThat(MassMentions.neutralise(once)).isEqualTo(once);
    }
}

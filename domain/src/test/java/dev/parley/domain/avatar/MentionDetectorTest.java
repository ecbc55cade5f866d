package dev.parley.domain.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.domain.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MentionDetectorTest {

    private static Avatar avatar(String id, String name) {
        return Avatar.named(AvatarId.of(id), name);
    }

    private static final Avatar AL = avatar("al", "Al");
    private static final Avatar ALICE = avatar("alice", "Alice");
    private static final Avatar BOB = avatar("bob", "Bob");
    private static final Avatar ZOE = avatar("zoe", "Zoë");
    private static final Avatar CHLOE = avatar("chloe", "Chloé");
    private static final Avatar XIAOMING = avatar("xiaoming", "小明");
    private static final Avatar SAKURA = avatar("sakura", "さくら");
    private static final Avatar MINSU = avatar("minsu", "민수");
    private static final Avatar FOX = avatar("fox", "Reynard").withEmoji("🦊");
    private static final Avatar HEART = avatar("heart", "Valentine").withEmoji("❤️");
    private static final Avatar MAN = avatar("man", "Adam").withEmoji("👨");
    private static final Avatar ROBOT = avatar("robot", "🤖");
    private static final Avatar CUSTOM = avatar("custom", "Custom").withEmoji("<:parley:1234567890>");
    private static final Avatar DR_WHO = avatar("drwho", "Dr. Who");
    private static final Avatar WHO = avatar("who", "Who");
    private static final Avatar BOB_SMITH = avatar("bobsmith", "Bob Smith");
    private static final Avatar CPP = avatar("cpp", "C++");
    private static final Avatar DOTTED = avatar("dotted", "a.b");
    private static final Avatar STARS = avatar("stars", "(*)$^|?[x]\\E");

    private static List<Avatar> mentioned(String text, Avatar... known) {
        return new MentionDetector(Arrays.asList(known)).mentionedIn(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bob", "bob", "BOB", "hey Bob", "@Bob, look", "(Bob)", "Bob's hat", "Bob!", "\"Bob\"", "**Bob**",
            "Bob\nhi", "hi—Bob—there", "_Bob_", "#Bob"})
    void aNameIsMentionedAsAWholeWordInAnyCase(String text) {
        assertThat(mentioned(text, BOB)).containsExactly(BOB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bobby", "Bobb", "aBob", "Bob2", "2Bob", "KaBob's", "Bobé", "Bob\u0301", "Robert"})
    void aNameInsideAnotherWordIsNotMentioned(String text) {
        assertThat(mentioned(text, BOB)).isEmpty();
    }

    @Test
    void aShortNameIsNotFoundInsideALongerOne() {
        assertThat(mentioned("Alice said hi", AL, ALICE)).containsExactly(ALICE);
        assertThat(mentioned("Alice said hi", AL)).isEmpty();
        assertThat(mentioned("Al and Alice", AL, ALICE)).containsExactly(AL, ALICE);
    }

    @Test
    void accentedNamesMatchWholeWordsCaseInsensitively() {
        assertThat(mentioned("ZOË, are you there?", ZOE)).containsExactly(ZOE);
        assertThat(mentioned("où est chloé?", CHLOE)).containsExactly(CHLOE);
        assertThat(mentioned("Zoëy is someone else", ZOE)).isEmpty();
        assertThat(mentioned("Zoe is not Zoë without the diaeresis", avatar("zoe2", "Zoe"))).hasSize(1);
        assertThat(mentioned("Zoe", ZOE)).isEmpty();
        assertThat(mentioned("Chloéa", CHLOE)).isEmpty();
    }

    @Test
    void decomposedAccentsMatchComposedNames() {
        assertThat(mentioned("hi Zoe\u0308!", ZOE)).containsExactly(ZOE);
        assertThat(mentioned("hi Chloe\u0301", CHLOE)).containsExactly(CHLOE);
        assertThat(mentioned("Zoe\u0308y", ZOE)).isEmpty();
    }

    @Test
    void lettersOfOtherSpacedScriptsAreWordCharacters() {
        Avatar ivan = avatar("ivan", "Иван");
        assertThat(mentioned("Привет, Иван!", ivan)).containsExactly(ivan);
        assertThat(mentioned("Иванов", ivan)).isEmpty();
        assertThat(mentioned("ИВАН", ivan)).containsExactly(ivan);
        Avatar nikos = avatar("nikos", "Νίκος");
        assertThat(mentioned("γεια σου νίκος", nikos)).containsExactly(nikos);
    }

    @Test
    void cjkNamesNeedNoSpacesAroundThem() {
        assertThat(mentioned("今天小明来了", XIAOMING)).containsExactly(XIAOMING);
        assertThat(mentioned("小明，你好", XIAOMING)).containsExactly(XIAOMING);
        assertThat(mentioned("hello 小明", XIAOMING)).containsExactly(XIAOMING);
        assertThat(mentioned("さくらちゃん、おはよう", SAKURA)).containsExactly(SAKURA);
        assertThat(mentioned("민수야 안녕", MINSU)).containsExactly(MINSU);
        assertThat(mentioned("今天小红来了", XIAOMING)).isEmpty();
    }

    @Test
    void aSpacedScriptNameNextToCjkTextIsAWholeWord() {
        assertThat(mentioned("我和Bob聊天", BOB)).containsExactly(BOB);
        assertThat(mentioned("Bob은 어디?", BOB)).containsExactly(BOB);
    }

    @Test
    void theAcceptedCostOfTheCjkRuleIsAMatchInsideALongerCjkName() {
        assertThat(mentioned("小明明来了", XIAOMING)).containsExactly(XIAOMING);
    }

    @Test
    void anEmojiMentionsItsAvatarAnywhere() {
        assertThat(mentioned("look🦊here", FOX)).containsExactly(FOX);
        assertThat(mentioned("🦊", FOX)).containsExactly(FOX);
        assertThat(mentioned("reynard!", FOX)).containsExactly(FOX);
        assertThat(mentioned("🐶", FOX)).isEmpty();
    }

    @Test
    void emojiVariationSelectorsDoNotMatter() {
        assertThat(mentioned("I ❤ it", HEART)).containsExactly(HEART);
        assertThat(mentioned("I ❤️ it", HEART)).containsExactly(HEART);
    }

    @Test
    void anEmojiInsideAJoinedSequenceIsNotAMention() {
        assertThat(mentioned("family 👨\u200D👩\u200D👧", MAN)).isEmpty();
        assertThat(mentioned("👩\u200D👨", MAN)).isEmpty();
        assertThat(mentioned("hi 👨🏽", MAN)).as("a skin tone is still the same emoji").containsExactly(MAN);
    }

    @Test
    void anEmojiNameNeedsNoWordBoundary() {
        assertThat(mentioned("hi🤖", ROBOT)).containsExactly(ROBOT);
        assertThat(mentioned("hi 🤖 there", ROBOT)).containsExactly(ROBOT);
    }

    @Test
    void aCustomDiscordEmojiIsMatchedExactly() {
        assertThat(mentioned("ping <:parley:1234567890>", CUSTOM)).containsExactly(CUSTOM);
        assertThat(mentioned("ping <:parley:123456789>", CUSTOM)).isEmpty();
    }

    @Test
    void namesWithSpacesMatchAcrossAnyWhitespace() {
        assertThat(mentioned("Is Dr. Who in?", DR_WHO)).containsExactly(DR_WHO);
        assertThat(mentioned("dr.  WHO\u00A0", DR_WHO)).containsExactly(DR_WHO);
        assertThat(mentioned("dr.\nwho", DR_WHO)).containsExactly(DR_WHO);
        assertThat(mentioned("Dr.Who", DR_WHO)).isEmpty();
        assertThat(mentioned("Dr. Whoever", DR_WHO)).isEmpty();
    }

    @Test
    void theLongestOverlappingNameWins() {
        assertThat(mentioned("Dr. Who is here", DR_WHO, WHO)).containsExactly(DR_WHO);
        assertThat(mentioned("Bob Smith said", BOB, BOB_SMITH)).containsExactly(BOB_SMITH);
        assertThat(mentioned("Bob Smith and Bob", BOB, BOB_SMITH)).containsExactly(BOB_SMITH, BOB);
        assertThat(mentioned("Who asked Dr. Who?", DR_WHO, WHO)).containsExactly(WHO, DR_WHO);
    }

    @Test
    void avatarsSharingANameAreAllMentioned() {
        Avatar otherBob = avatar("bob2", "bob");
        assertThat(mentioned("hi Bob", BOB, otherBob)).containsExactly(BOB, otherBob);
    }

    @Test
    void regexMetacharactersInNamesAreLiteral() {
        assertThat(mentioned("I write C++ daily", CPP)).containsExactly(CPP);
        assertThat(mentioned("I write C daily", CPP)).isEmpty();
        assertThat(mentioned("see a.b now", DOTTED)).containsExactly(DOTTED);
        assertThat(mentioned("see axb now", DOTTED)).isEmpty();
        assertThat(mentioned("x (*)$^|?[x]\\E y", STARS)).containsExactly(STARS);
        assertThat(mentioned("x y", STARS)).isEmpty();
    }

    @Test
    void atMostThreeAvatarsAreMentionedInOrderOfFirstAppearance() {
        assertThat(mentioned("🦊 and Zoë, then Bob, then Chloé, Zoë again", BOB, ZOE, CHLOE, FOX))
                .containsExactly(FOX, ZOE, BOB);
        assertThat(mentioned("Chloé? Bob!", BOB, ZOE, CHLOE, FOX)).containsExactly(CHLOE, BOB);
        assertThat(mentioned("Reynard then 🦊", FOX, BOB)).containsExactly(FOX);
    }

    @Test
    void noKnownAvatarsOrNoMentionGivesNothing() {
        assertThat(mentioned("Bob")).isEmpty();
        assertThat(mentioned("", BOB)).isEmpty();
        assertThat(mentioned("nobody here", BOB, ZOE)).isEmpty();
    }

    @Test
    void avatarIdsMustBeDistinct() {
        assertThatThrownBy(() -> new MentionDetector(List.of(BOB, avatar("bob", "Robert"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("listed twice");
    }
}

package dev.parley.domain.avatar;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which of a set of known avatars a message mentions (decisions.md 15): a pure function of
 * the text, for the reply planner.
 *
 * <p>An avatar is mentioned where its <b>name</b> appears as a whole word, compared
 * case-insensitively, or where its <b>emoji</b> appears. At most {@value #MAX_MENTIONS} avatars
 * are returned per message, in order of their first mention.
 *
 * <p>The rules, precisely:
 * <ul>
 *   <li>Text, names and emoji are compared in Unicode NFC, without the emoji variation selectors
 *       U+FE0E and U+FE0F, so {@code "Zoe\u0308"} (decomposed) mentions Zoë and {@code "❤"} matches
 *       {@code "❤️"}.</li>
 *   <li><b>Word characters</b> are Unicode letters, digits (any number category) and combining
 *       marks of any script. A name match must not be preceded or followed by a word character, so
 *       "Al" is not mentioned in "Alice", "Bob" not in "Bobby", "Zoë" not in "Zoëy", while
 *       "@Bob,", "(Bob)" and "Bob's" mention Bob. An edge of the name that is not itself a word
 *       character (the "+" of "C++", an emoji) needs no boundary, as with a regex {@code \b}.</li>
 *   <li><b>Scripts written without spaces</b> (Han, Hiragana, Katakana, Hangul, Thai, Lao, Khmer,
 *       Myanmar, Bopomofo) have no word boundaries to find without a dictionary: Chinese and
 *       Japanese run words together and Korean attaches particles ("민수야"). Requiring a boundary
 *       there would make such names unmentionable in ordinary sentences, so a boundary is not
 *       required next to a character of these scripts, on either side: "小明" is mentioned in
 *       "今天小明来了", and "Bob" in "我和Bob聊天". The price, accepted: "小明" is also found inside
 *       a longer name such as "小明明".</li>
 *   <li>A combining mark right after a match always rejects it: the mark changes the name's last
 *       character.</li>
 *   <li>Whitespace inside a name matches any run of whitespace ("Dr. Who" matches "dr.  who").
 *       Names are literal text: regex metacharacters in them mean nothing.</li>
 *   <li>An emoji matches anywhere, except inside a zero-width-joiner sequence ("👨" is not
 *       mentioned by "👨‍👩‍👧"); a skin-tone modifier after it does not prevent a match.</li>
 *   <li>Where matches overlap, the longest one (then the earliest) wins: with avatars "Bob" and
 *       "Bob Smith", "Bob Smith said" mentions only Bob Smith. Avatars sharing a name are all
 *       mentioned by it.</li>
 * </ul>
 */
public final class MentionDetector {

    /** The most avatars one message can mention. */
    public static final int MAX_MENTIONS = 3;

    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final Set<Character.UnicodeScript> SPACELESS_SCRIPTS = Set.of(
            Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA,
            Character.UnicodeScript.HANGUL, Character.UnicodeScript.THAI, Character.UnicodeScript.LAO,
            Character.UnicodeScript.KHMER, Character.UnicodeScript.MYANMAR, Character.UnicodeScript.BOPOMOFO);

    private final List<Known> known;

    /** A detector for {@code avatars}; their ids must be distinct. */
    public MentionDetector(Collection<Avatar> avatars) {
        Objects.requireNonNull(avatars, "avatars == null");
        Set<AvatarId> ids = new HashSet<>();
        List<Known> compiled = new ArrayList<>();
        for (Avatar avatar : avatars) {
            Objects.requireNonNull(avatar, "avatar == null");
            if (!ids.add(avatar.id())) {
                throw new InvalidInputException(InputField.AVATAR_ID, avatar.id() + " is listed twice; avatar ids must be distinct");
            }
            compiled.add(Known.of(avatar));
        }
        this.known = List.copyOf(compiled);
    }

    /** The avatars {@code text} mentions, at most {@value #MAX_MENTIONS}, in order of first mention. */
    public List<Avatar> mentionedIn(String text) {
        Objects.requireNonNull(text, "text == null");
        String canonical = canonical(text);
        List<Match> matches = new ArrayList<>();
        for (Known k : known) {
            k.findNames(canonical, matches);
            k.findEmoji(canonical, matches);
        }
        matches.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::length).reversed()));
        Set<Avatar> mentioned = new LinkedHashSet<>();
        Match last = null;
        for (Match match : matches) {
            boolean sameSpanAsLast = last != null && match.start() == last.start() && match.end() == last.end();
            if (last != null && match.start() < last.end() && !sameSpanAsLast) {
                continue;
            }
            last = match;
            mentioned.add(match.avatar());
            if (mentioned.size() == MAX_MENTIONS) {
                break;
            }
        }
        return List.copyOf(mentioned);
    }

    static String canonical(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (nfc.indexOf('\uFE0E') < 0 && nfc.indexOf('\uFE0F') < 0) {
            return nfc;
        }
        return nfc.replace("\uFE0E", "").replace("\uFE0F", "");
    }

    private static boolean isWordCharacter(int cp) {
        return Character.isLetter(cp) || isNumber(cp) || isMark(cp);
    }

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isSpaceless(int cp) {
        return SPACELESS_SCRIPTS.contains(Character.UnicodeScript.of(cp));
    }

    /** Whether a name edge character {@code edge} next to the text character {@code neighbour} is a word boundary. */
    private static boolean separates(int edge, int neighbour) {
        return !isWordCharacter(edge) || !isWordCharacter(neighbour) || isSpaceless(edge) || isSpaceless(neighbour);
    }

    private record Match(int start, int end, Avatar avatar) {
        int length() {
            return end - start;
        }
    }

    /** One avatar with its name compiled for matching. */
    private record Known(Avatar avatar, Pattern name, Optional<String> emoji) {

        static Known of(Avatar avatar) {
            String name = canonical(avatar.name());
            StringBuilder regex = new StringBuilder();
            for (String part : name.split("[\\s\\p{Z}]+")) {
                if (!regex.isEmpty()) {
                    regex.append("[\\s\\p{Z}]+");
                }
                regex.append(Pattern.quote(part));
            }
            Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return new Known(avatar, pattern, avatar.emoji().map(MentionDetector::canonical).filter(e -> !e.isEmpty()));
        }

        void findNames(String text, List<Match> into) {
            Matcher m = name.matcher(text);
            int from = 0;
            while (from < text.length() && m.find(from)) {
                int start = m.start();
                int end = m.end();
                if (wholeWord(text, start, end)) {
                    into.add(new Match(start, end, avatar));
                }
                from = start + Character.charCount(text.codePointAt(start));
            }
        }

        void findEmoji(String text, List<Match> into) {
            if (emoji.isEmpty()) {
                return;
            }
            String marker = emoji.get();
            int at = text.indexOf(marker);
            while (at >= 0) {
                int end = at + marker.length();
                boolean joinedBefore = at > 0 && text.codePointBefore(at) == ZERO_WIDTH_JOINER;
                boolean joinedAfter = end < text.length()
                        && (text.codePointAt(end) == ZERO_WIDTH_JOINER || isMark(text.codePointAt(end)));
                if (!joinedBefore && !joinedAfter) {
                    into.add(new Match(at, end, avatar));
                }
                at = text.indexOf(marker, at + 1);
            }
        }

        private static boolean wholeWord(String text, int start, int end) {
            if (start > 0 && !separates(text.codePointAt(start), text.codePointBefore(start))) {
                return false;
            }
            if (end < text.length()) {
                int next = text.codePointAt(end);
                return !isMark(next) && separates(text.codePointBefore(end), next);
            }
            return true;
        }
    }
}

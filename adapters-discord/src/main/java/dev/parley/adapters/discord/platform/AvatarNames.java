package dev.parley.adapters.discord.platform;

import dev.parley.domain.avatar.Avatar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user name an avatar posts under, made acceptable to Discord's webhook rules: 1 to 80
 * characters, no "discord" or "clyde" anywhere in it, and not exactly "everyone" or "here" (all
 * compared without case). The rule:
 * <ol>
 *   <li>control characters and line breaks become spaces, runs of whitespace one space, and the
 *       ends are trimmed;</li>
 *   <li>every "discord" and "clyde", and a whole name "everyone" or "here", gets a hair space
 *       (U+200A) after its first letter: it reads the same, and Discord no longer matches it;</li>
 *   <li>the result is cut to 80 UTF-16 units (never inside a surrogate pair) and trimmed again;</li>
 *   <li>if nothing is left, the avatar's id is the name.</li>
 * </ol>
 *
 * <pre>{@code
 * AvatarNames.forWebhook(Avatar.named(AvatarId.of("c"), "Clyde the Discord fan")); // "C\u200Alyde the D\u200Aiscord fan"
 * }</pre>
 */
public final class AvatarNames {

    public static final int MAX_LENGTH = 80;
    static final char HAIR_SPACE = '\u200A';
    private static final Pattern FORBIDDEN_INSIDE = Pattern.compile("(?i)(d)(iscord)|(c)(lyde)");
    private static final Pattern FORBIDDEN_WHOLE = Pattern.compile("(?i)(e)(veryone)|(h)(ere)");

    private AvatarNames() {
    }

    /** {@code avatar}'s name as Discord accepts it for a webhook post. */
    public static String forWebhook(Avatar avatar) {
        String name = collapseWhitespace(avatar.name());
        name = breakUp(FORBIDDEN_INSIDE.matcher(name));
        if (FORBIDDEN_WHOLE.matcher(name).matches()) {
            name = breakUp(FORBIDDEN_WHOLE.matcher(name));
        }
        if (name.length() > MAX_LENGTH) {
            int cut = Character.isHighSurrogate(name.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
            name = name.substring(0, cut).strip();
        }
        return name.isEmpty() ? avatar.id().value() : name;
    }

    private static String collapseWhitespace(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    /** Puts a hair space after the first letter of each match (groups 1+2 or 3+4 of the patterns above). */
    private static String breakUp(Matcher matcher) {
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int first = matcher.group(1) != null ? 1 : 3;
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(first) + HAIR_SPACE + matcher.group(first + 1)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

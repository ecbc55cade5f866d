package dev.parley.domain.reply.text;

import dev.parley.domain.avatar.Avatar;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the avatar's own name from the start of its reply: models that see a transcript of
 * {@code Name: text} lines tend to answer the same way, and the avatar already posts under its name.
 *
 * <p>Recognised at the start (after leading whitespace), any case, whitespace inside the name
 * flexible, with the avatar's emoji optional before or after the name:
 * {@code Name:}, {@code Name Emoji:}, {@code Emoji Name:}, {@code **Name**:}, {@code **Name:**},
 * {@code **Name** Emoji:} (also with {@code *} or {@code __}), {@code [Name]} and {@code [Name]:}. Only the first match is
 * removed, then the rest is stripped. A name that merely starts the reply ("Ava is here") stays.
 *
 * <pre>{@code
 * NamePrefix.strip("**Ava** 🦊: Hello!", ava) // "Hello!"
 * }</pre>
 */
public final class NamePrefix {

    private NamePrefix() {
    }

    /** {@code text} without a leading name prefix of {@code avatar}, stripped. */
    public static String strip(String text, Avatar avatar) {
        Objects.requireNonNull(text, "text == null");
        Objects.requireNonNull(avatar, "avatar == null");
        Matcher matcher = pattern(avatar).matcher(text);
        if (matcher.lookingAt()) {
            return text.substring(matcher.end()).strip();
        }
        return text.strip();
    }

    static Pattern pattern(Avatar avatar) {
        String name = flexibleSpaces(avatar.name());
        String core = avatar.emoji()
                .map(NamePrefix::emoji)
                .map(emoji -> "(?:" + emoji + "\\s*)?" + name + "(?:\\s*" + emoji + ")?")
                .orElse(name);
        String bracketed = "\\[\\s*" + core + "\\s*\\](?:\\s*:)?";
        // The emoji may also follow the closing emphasis: "**Ava** 🦊:".
        String emojiAfter = avatar.emoji().map(NamePrefix::emoji).map(emoji -> "(?:\\s*" + emoji + ")?").orElse("");
        String emphasised = "(\\*\\*|\\*|__)" + core + "(?:\\s*:\\s*\\1|\\1" + emojiAfter + "\\s*:)";
        String plain = core + "\\s*:";
        return Pattern.compile("\\s*(?:" + bracketed + "|" + emphasised + "|" + plain + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String flexibleSpaces(String literal) {
        StringBuilder regex = new StringBuilder();
        for (String part : literal.strip().split("\\s+")) {
            if (!regex.isEmpty()) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(part));
        }
        return regex.toString();
    }

    /** The emoji as given or without its variation selectors, which models often drop or add. */
    private static String emoji(String emoji) {
        String bare = emoji.replace("\uFE0F", "").replace("\uFE0E", "");
        if (bare.equals(emoji) || bare.isEmpty()) {
            return "(?:" + Pattern.quote(emoji) + ")";
        }
        return "(?:" + Pattern.quote(emoji) + "|" + Pattern.quote(bare) + "[\\uFE0E\\uFE0F]?)";
    }
}

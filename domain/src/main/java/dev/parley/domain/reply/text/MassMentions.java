package dev.parley.domain.reply.text;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Makes {@code @everyone}, {@code @here} and role mentions ({@code <@&id>}) in a reply inert, a
 * second line of defence behind the chat platform's allowed-mentions setting: even posted with
 * mentions wrongly allowed, the text pings no one.
 *
 * <p>A zero-width space (U+200B) is put right after the {@code @}: {@code @everyone} still reads
 * {@code @everyone} but Discord no longer recognises it, and {@code <@&123>} shows as plain text
 * instead of a role. Matching ignores case ({@code @Everyone}, {@code @HERE}), and text already
 * neutralised is left as it is, so applying this twice changes nothing. User mentions
 * ({@code <@123>}) and channel links are not mass mentions and stay.
 *
 * <pre>{@code
 * MassMentions.neutralise("Hey @everyone!") // "Hey @\u200Beveryone!"
 * }</pre>
 */
public final class MassMentions {

    /** What is inserted after the {@code @}. */
    public static final String ZERO_WIDTH_SPACE = "\u200B";

    private static final Pattern MASS = Pattern.compile("@(?=(?:everyone|here))", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLE = Pattern.compile("<@(?=&\\d+>)");

    private MassMentions() {
    }

    /** {@code text} with every mass mention made inert. */
    public static String neutralise(String text) {
        Objects.requireNonNull(text, "text == null");
        if (text.indexOf('@') < 0) {
            return text;
        }
        String safe = MASS.matcher(text).replaceAll("@" + ZERO_WIDTH_SPACE);
        return ROLE.matcher(safe).replaceAll("<@" + ZERO_WIDTH_SPACE);
    }
}

package dev.parley.domain.avatar;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * An AI character that replies in channels: its id, the name it posts under and is mentioned by,
 * and optionally an emoji that also mentions it and the image it posts with.
 *
 * <pre>{@code
 * Avatar zoe = Avatar.named(AvatarId.of("zoe"), "Zoë").withEmoji("🦊");
 * }</pre>
 */
public record Avatar(AvatarId id, String name, Optional<String> emoji, Optional<String> imageUrl) {

    /** Discord's limit for the user name a webhook posts under (decisions.md 18). */
    public static final int MAX_NAME_LENGTH = 80;
    static final int MAX_EMOJI_LENGTH = 64;
    static final int MAX_URL_LENGTH = 2048;

    public Avatar {
        Objects.requireNonNull(id, "id == null");
        emoji = Objects.requireNonNullElse(emoji, Optional.empty());
        imageUrl = Objects.requireNonNullElse(imageUrl, Optional.empty());
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(InputField.AVATAR_NAME, "is required and must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException(InputField.AVATAR_NAME, "must be at most 80 characters, got " + name.length());
        }
        if (!name.equals(name.strip())) {
            throw new InvalidInputException(InputField.AVATAR_NAME, "must not start or end with whitespace, got "
                    + InvalidInputException.quoted(name));
        }
        emoji.ifPresent(Avatar::requireEmoji);
        imageUrl.ifPresent(Avatar::requireImageUrl);
    }

    /** An avatar with a name and neither emoji nor image. */
    public static Avatar named(AvatarId id, String name) {
        return new Avatar(id, name, Optional.empty(), Optional.empty());
    }

    /** This avatar, also mentioned by {@code marker} (a Unicode emoji or a custom emoji such as {@code <:fox:123>}). */
    public Avatar withEmoji(String marker) {
        return new Avatar(id, name, Optional.of(marker), imageUrl);
    }

    public Avatar withImageUrl(String url) {
        return new Avatar(id, name, emoji, Optional.of(url));
    }

    private static void requireEmoji(String emoji) {
        if (emoji.isEmpty() || emoji.length() > MAX_EMOJI_LENGTH || emoji.codePoints().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException(InputField.AVATAR_EMOJI, "must be 1 to 64 characters without whitespace, got "
                    + InvalidInputException.quoted(emoji));
        }
    }

    private static void requireImageUrl(String url) {
        boolean web = url.startsWith("https://") || url.startsWith("http://");
        if (!web || url.length() > MAX_URL_LENGTH || url.codePoints().anyMatch(cp -> cp <= 0x20 || cp == 0x7f)) {
            throw new InvalidInputException(InputField.AVATAR_IMAGE_URL,
                    "must be an http(s) URL of at most 2048 characters without spaces, got " + InvalidInputException.quoted(url));
        }
    }
}

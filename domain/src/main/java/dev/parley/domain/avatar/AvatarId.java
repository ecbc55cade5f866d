package dev.parley.domain.avatar;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;

/**
 * An AI avatar, as the avatar catalogue names it: 1 to 64 ASCII letters, digits, {@code _} and
 * {@code -}, so it is safe in a Redis key, a URL path and a log line as it is.
 */
public record AvatarId(String value) implements Comparable<AvatarId> {

    static final int MAX_LENGTH = 64;

    public AvatarId {
        if (value == null) {
            throw new InvalidInputException(InputField.AVATAR_ID, "is required: 1 to 64 ASCII letters, digits, '_' or '-'");
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH || !allowedCharacters(value)) {
            throw new InvalidInputException(InputField.AVATAR_ID, "must be 1 to 64 ASCII letters, digits, '_' or '-', got "
                    + InvalidInputException.quoted(value));
        }
    }

    /** Parses {@code value}, throwing {@link InvalidInputException} if it breaks the rule above. */
    public static AvatarId of(String value) {
        return new AvatarId(value);
    }

    private static boolean allowedCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(AvatarId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.parley.domain.id;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;

/**
 * The id a caller gives one request so that a retry of it is recognised as the same request (an
 * idempotency key), e.g. the Discord message that mentioned an avatar: 1 to 64 ASCII letters,
 * digits, {@code _}, {@code -}, {@code .} or {@code :}, so it is safe in a Redis key and a log line.
 */
public record RequestId(String value) {

    static final int MAX_LENGTH = 64;

    public RequestId {
        if (value == null) {
            throw new InvalidInputException(InputField.REQUEST_ID, "is required: 1 to 64 ASCII letters, digits, '_', '-', '.' or ':'");
        }
        if (value.isEmpty() || value.length() > MAX_LENGTH || !allowedCharacters(value)) {
            throw new InvalidInputException(InputField.REQUEST_ID, "must be 1 to 64 ASCII letters, digits, '_', '-', '.' or ':', got "
                    + InvalidInputException.quoted(value));
        }
    }

    /** Parses {@code value}, throwing {@link InvalidInputException} if it breaks the rule above. */
    public static RequestId of(String value) {
        return new RequestId(value);
    }

    /** The request caused by a Discord message, keyed by its id. */
    public static RequestId of(MessageId message) {
        return new RequestId(message.value());
    }

    private static boolean allowedCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}

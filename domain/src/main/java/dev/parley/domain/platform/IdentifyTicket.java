package dev.parley.domain.platform;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;

/**
 * Names one IDENTIFY attempt holding a bucket, so that the same attempt can restart its own hold
 * while any other one must wait: 1 to 64 ASCII letters, digits, {@code _} or {@code -} (a UUID fits).
 */
public record IdentifyTicket(String value) {

    static final int MAX_LENGTH = 64;

    public IdentifyTicket {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(IdentifyTicket::allowed)) {
            throw new InvalidInputException(InputField.IDENTIFY_TICKET, "must be 1 to 64 ASCII letters, digits, '_' or '-'");
        }
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.parley.application.conversation;

import dev.parley.domain.InvalidInputException;
import java.util.Locale;

/** What happens to a conversation that has been idle for the idle time (decisions.md 3). */
public enum CleanupStrategy {
    /** Save it to the archive, then remove it from live state. The default. */
    ARCHIVE,
    /** Remove it from live state without saving, as the Echo document describes. */
    DISCARD;

    /** Parses {@code archive} or {@code discard}, in any case. */
    public static CleanupStrategy parse(String value) {
        for (CleanupStrategy strategy : values()) {
            if (strategy.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return strategy;
            }
        }
        throw new InvalidInputException("cleanup", "cleanup must be archive or discard, got \"" + value + "\"");
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package dev.parley.adapters.file.avatars;

import java.util.Objects;

/**
 * An avatar catalogue file that cannot be used: unreadable, not YAML, or breaking a rule. The
 * message names the file, the line and the field, as in
 * {@code avatars.yml line 12: avatars[2].name must be 1 to 80 characters, got 93}; it never
 * repeats a personality.
 */
public final class CatalogueFileException extends RuntimeException {

    private final String file;
    private final int line;

    CatalogueFileException(String file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? " line " + line : "") + ": " + Objects.requireNonNull(problem, "problem == null"), cause);
        this.file = file;
        this.line = line;
    }

    CatalogueFileException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    /** The file as it was configured. */
    public String file() {
        return file;
    }

    /** The line of the problem (1-based), or 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}

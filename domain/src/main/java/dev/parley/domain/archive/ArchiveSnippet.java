package dev.parley.domain.archive;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A short piece of the summary or of one message that matched a text search, with the matching
 * words marked as {@code [start, end)} character ranges (UTF-16 units, as Java and JavaScript
 * count) into {@code text}. The text is at most {@value #MAX_LENGTH} characters; where it was cut
 * from a longer one it starts or ends with {@code …}; line breaks and tabs are shown as spaces.
 *
 * @param message the index of the message in the history, empty for the summary
 */
public record ArchiveSnippet(OptionalInt message, String text, List<Highlight> highlights) {

    public static final int MAX_LENGTH = 200;

    /** One matching word or phrase: {@code text.substring(start, end)}. */
    public record Highlight(int start, int end) {

        public Highlight {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("need 0 <= start < end, got [" + start + ", " + end + ")");
            }
        }
    }

    public ArchiveSnippet {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(text, "text == null");
        highlights = List.copyOf(highlights);
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("text is " + text.length() + " characters, more than " + MAX_LENGTH);
        }
        int previousEnd = 0;
        for (Highlight highlight : highlights) {
            if (highlight.start() < previousEnd || highlight.end() > text.length()) {
                throw new IllegalArgumentException("highlights must be ordered, apart and inside the text, got " + highlights);
            }
            previousEnd = highlight.end();
        }
    }

    /** The marked words, in order (for tests and logs that want to see what matched). */
    public List<String> highlighted() {
        return highlights.stream().map(h -> text.substring(h.start(), h.end())).toList();
    }
}

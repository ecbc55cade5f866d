package dev.parley.domain.reply.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a reply into messages the chat platform accepts: at most {@value #DISCORD_LIMIT}
 * characters each (UTF-16 units, which never undercounts Discord's limit).
 *
 * <p>Where to cut, in order of preference, at the last such place that fits: a paragraph break
 * (an empty line), a line break, the end of a sentence ({@code . ! ? …} followed by whitespace, or
 * {@code 。！？}), a space; failing all, a hard cut that never separates the two halves of a
 * surrogate pair nor the backticks of a {@code ```} run. The whitespace at a cut is dropped, except
 * the indentation of the line that starts the next chunk.
 *
 * <p>Markdown code fences stay balanced, counting {@code ```} as Discord does (anywhere in the
 * text, the language tag being the word right after an opening {@code ```} up to a line break): a
 * chunk that ends inside a code block gets a closing {@code ```} line, and the next chunk reopens
 * the block with the same language tag (a tag longer than {@value #MAX_CARRIED_TAG} characters is
 * not carried). An unclosed block at the end of the reply is closed too.
 *
 * <pre>{@code
 * List<String> messages = ReplyChunks.split(reply); // every one ≤ 2000 characters
 * }</pre>
 */
public final class ReplyChunks {

    /** Discord's limit for one message. */
    public static final int DISCORD_LIMIT = 2000;
    /** The smallest limit this splitter accepts: room for a reopened fence and some text. */
    public static final int MIN_LIMIT = 64;
    static final int MAX_CARRIED_TAG = 24;

    private static final String FENCE = "```";
    private static final String CLOSING = "\n" + FENCE;

    private ReplyChunks() {
    }

    /** {@code text} in chunks of at most {@value #DISCORD_LIMIT} characters; none for a blank text. */
    public static List<String> split(String text) {
        return split(text, DISCORD_LIMIT);
    }

    /** {@code text} in chunks of at most {@code limit} characters (at least {@value #MIN_LIMIT}); none for a blank text. */
    public static List<String> split(String text, int limit) {
        return pieces(text, limit).stream().map(Piece::text).toList();
    }

    /**
     * One chunk as built: the fence line reopening a code block the previous chunk closed, a slice
     * of the reply, and the fence line closing a code block left open.
     */
    record Piece(String reopening, String body, String closing) {
        String text() {
            return reopening + body + closing;
        }
    }

    static List<Piece> pieces(String text, int limit) {
        Objects.requireNonNull(text, "text == null");
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("limit must be at least " + MIN_LIMIT + ", got " + limit);
        }
        String reply = text.replace("\r\n", "\n").strip();
        List<Piece> pieces = new ArrayList<>();
        String openTag = null;
        int pos = 0;
        while (pos < reply.length()) {
            String reopening = openTag == null ? "" : FENCE + openTag + "\n";
            int room = limit - reopening.length();
            int content = firstNonWhitespace(reply, pos);
            if (content - pos > (room - CLOSING.length()) / 2) {
                // Indentation longer than half a chunk: drop it rather than fill a chunk with spaces.
                pos = content;
                continue;
            }
            int end = end(reply, pos, content, room);
            String body = reply.substring(pos, end).stripTrailing();
            String stillOpen = openTagAfter(openTag, body);
            if (stillOpen != null && body.length() + CLOSING.length() > room) {
                // No room for the closing fence: cut again, leaving it room.
                end = end(reply, pos, content, room - CLOSING.length());
                body = reply.substring(pos, end).stripTrailing();
                stillOpen = openTagAfter(openTag, body);
            }
            pieces.add(new Piece(reopening, body, stillOpen == null ? "" : CLOSING));
            openTag = stillOpen == null ? null : carried(stillOpen);
            pos = end == reply.length() ? end : nextStart(reply, end);
        }
        return pieces;
    }

    /** Where a chunk starting at {@code pos} (its first non-whitespace at {@code content}) of at most {@code window} characters ends. */
    private static int end(String text, int pos, int content, int window) {
        if (text.length() - pos <= window) {
            return text.length();
        }
        return cut(text, content + 1, pos + window);
    }

    /** Where the chunk in {@code [.., end)} ends: the best boundary at or after {@code min}. */
    private static int cut(String text, int min, int end) {
        int paragraph = text.lastIndexOf("\n\n", end);
        if (paragraph >= min) {
            return paragraph;
        }
        int line = text.lastIndexOf('\n', end);
        if (line >= min) {
            return line;
        }
        for (int i = end; i >= min; i--) {
            if (endsSentence(text, i)) {
                return i;
            }
        }
        for (int i = end; i >= min; i--) {
            if (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return hardCut(text, min, end);
    }

    /** Whether a sentence ends just before {@code i}. */
    private static boolean endsSentence(String text, int i) {
        if (i <= 0 || i > text.length()) {
            return false;
        }
        char last = text.charAt(i - 1);
        if (last == '。' || last == '！' || last == '？') {
            return true;
        }
        boolean stop = last == '.' || last == '!' || last == '?' || last == '…';
        return stop && (i == text.length() || Character.isWhitespace(text.charAt(i)));
    }

    private static int hardCut(String text, int min, int end) {
        int cut = end;
        if (cut < text.length() && Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        int beforeTicks = cut;
        while (beforeTicks > min && beforeTicks < text.length() && text.charAt(beforeTicks) == '`' && text.charAt(beforeTicks - 1) == '`') {
            beforeTicks--;
        }
        return beforeTicks > min ? beforeTicks : cut;
    }

    /**
     * Where the next chunk starts after a cut at {@code cut}: past the whitespace, but at the start
     * of its line, so the next line keeps its indentation.
     */
    private static int nextStart(String text, int cut) {
        int next = firstNonWhitespace(text, cut);
        int lineStart = text.lastIndexOf('\n', next - 1) + 1;
        return lineStart > cut ? lineStart : next;
    }

    private static int firstNonWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The language tag of the code block open at the end of {@code body}, when it starts inside a
     * block tagged {@code openTag} (null: outside any block); null if no block is open at its end.
     */
    static String openTagAfter(String openTag, String body) {
        String tag = openTag;
        int at = body.indexOf(FENCE);
        while (at >= 0) {
            int after = at + FENCE.length();
            if (tag == null) {
                int end = after;
                while (end < body.length() && isTagCharacter(body.charAt(end))) {
                    end++;
                }
                boolean tagged = end > after && (end == body.length() || body.charAt(end) == '\n');
                tag = tagged ? body.substring(after, end) : "";
            } else {
                tag = null;
            }
            at = body.indexOf(FENCE, after);
        }
        return tag;
    }

    private static boolean isTagCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '+' || c == '-' || c == '.' || c == '#';
    }

    private static String carried(String tag) {
        return tag.length() > MAX_CARRIED_TAG ? "" : tag;
    }
}

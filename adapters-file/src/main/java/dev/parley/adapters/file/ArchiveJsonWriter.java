package dev.parley.adapters.file;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.parley.domain.conversation.Conversation;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.ToolCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Domain → archive JSON, streamed: the document's keys in order, printed the way the Echo document
 * shows them (2-space indent, {@code "key": value}, arrays of plain values on one line, {@code {}}
 * for an empty object), UTF-8 with a trailing newline, written as it is walked so that saving a
 * conversation never holds its text whole in memory (one message's quoted content at most).
 *
 * <p>Strings are escaped by Jackson's {@link JsonStringEncoder}. Jackson's generator is not used for
 * the layout: arrays of plain values go on one line and others one item per line, which its pretty
 * printers cannot decide per array. A lone surrogate is written as {@code ?}, as Java's UTF-8
 * encoder does.
 *
 * <p>Tool parameters nested deeper than the archive's reader accepts are refused
 * ({@link TooDeepException}) rather than written to a file that could never be read back.
 */
final class ArchiveJsonWriter {

    /** How deep the archive's reader follows nesting (Jackson's default read constraint). */
    static final int MAX_DEPTH = ArchiveJsonReader.maxNestingDepth();

    private final Writer out;

    private ArchiveJsonWriter(Writer out) {
        this.out = out;
    }

    /** A conversation whose JSON would nest deeper than the reader reads: nothing is kept of the write. */
    static final class TooDeepException extends IOException {

        TooDeepException() {
            super("tool parameters nested deeper than the " + MAX_DEPTH + " levels the archive reads back; not written");
        }
    }

    /** Writes {@code conversation}'s file content to {@code out} as UTF-8, flushing it but not closing it. */
    static void write(Conversation conversation, OutputStream out) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        new ArchiveJsonWriter(text).conversation(conversation);
        text.write('\n');
        text.flush();
    }

    /** The file content in memory, for tools that prepare archive directories in bulk. */
    static byte[] conversationBytes(Conversation conversation) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try {
            write(conversation, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One message as it appears in a history, at the top level and with a trailing newline (the document's examples). */
    static String render(Message message) {
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            new ArchiveJsonWriter(text).message(message, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }

    /** The documented conversation keys in order, then Parley's {@code thread_id}. */
    private void conversation(Conversation conversation) throws IOException {
        Fields fields = new Fields(0);
        fields.key("created_at").string(ArchiveTimestamps.format(conversation.createdAt()));
        fields.key("updated_at").string(ArchiveTimestamps.format(conversation.updatedAt()));
        fields.key("summary").string(conversation.summary());
        fields.key("guild_id").string(conversation.guildId().value());
        fields.key("guild_name").string(conversation.guildName());
        fields.key("requester").string(conversation.requester().value());
        fields.key("participants");
        inlineStrings(conversation.participants().stream().map(user -> user.value()).toList());
        fields.key("history");
        List<Message> history = conversation.history();
        if (history.isEmpty()) {
            out.write("[]");
        } else {
            out.write("[\n");
            Iterator<Message> messages = history.iterator();
            while (messages.hasNext()) {
                indent(2);
                message(messages.next(), 2);
                out.write(messages.hasNext() ? ",\n" : "\n");
            }
            indent(1);
            out.write(']');
        }
        fields.key("thread_id").string(conversation.threadId().value());
        fields.end();
    }

    /**
     * The documented message keys in order; {@code meta} holds only what is set (the documented
     * {@code requester} and {@code tools}, then Parley's reply data); Parley's extras after it.
     */
    private void message(Message message, int depth) throws IOException {
        Fields fields = new Fields(depth);
        fields.key("created_at").string(ArchiveTimestamps.format(message.createdAt()));
        fields.key("message_type").string(ArchiveMessageTypes.name(message.type()));
        fields.key("message_content").string(message.content());
        fields.key("meta");
        meta(message, depth + 1);
        if (!message.attachments().isEmpty()) {
            fields.key("attachments");
            inlineStrings(message.attachments());
        }
        if (message.id().isPresent()) {
            fields.key("message_id").string(message.id().get().value());
        }
        fields.end();
    }

    private void meta(Message message, int depth) throws IOException {
        boolean empty = message.requester().isEmpty() && message.tools().isEmpty() && message.authorName().isEmpty()
                && message.avatar().isEmpty() && !message.authorIsBot() && message.postedIds().isEmpty();
        if (empty) {
            out.write("{}");
            return;
        }
        Fields fields = new Fields(depth);
        if (message.requester().isPresent()) {
            fields.key("requester").string(message.requester().get().value());
        }
        if (!message.tools().isEmpty()) {
            fields.key("tools");
            out.write("[\n");
            Iterator<ToolCall> tools = message.tools().iterator();
            while (tools.hasNext()) {
                indent(depth + 2);
                tool(tools.next(), depth + 2);
                out.write(tools.hasNext() ? ",\n" : "\n");
            }
            indent(depth + 1);
            out.write(']');
        }
        if (message.authorName().isPresent()) {
            fields.key("author_name").string(message.authorName().get());
        }
        if (message.avatar().isPresent()) {
            fields.key("avatar_id").string(message.avatar().get().value());
        }
        if (message.authorIsBot()) {
            fields.key("bot");
            out.write("true");
        }
        if (!message.postedIds().isEmpty()) {
            fields.key("message_ids");
            inlineStrings(message.postedIds().stream().map(id -> id.value()).toList());
        }
        fields.end();
    }

    private void tool(ToolCall tool, int depth) throws IOException {
        Fields fields = new Fields(depth);
        fields.key("name").string(tool.name());
        fields.key("params");
        value(tool.params(), depth + 1);
        fields.end();
    }

    /**
     * A tool parameter (a JSON value as plain Java, see {@link ToolCall}), keeping key order.
     * {@code depth} is the indentation; the JSON nesting is six levels deeper (conversation,
     * history, message, meta, tools, tool), which the reader's limit counts.
     */
    private void value(Object value, int depth) throws IOException {
        switch (value) {
            case null -> out.write("null");
            case Map<?, ?> map -> {
                checkDepth(depth);
                if (map.isEmpty()) {
                    out.write("{}");
                    return;
                }
                Fields fields = new Fields(depth);
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    fields.key((String) entry.getKey());
                    value(entry.getValue(), depth + 1);
                }
                fields.end();
            }
            case List<?> list -> {
                checkDepth(depth);
                array(list, depth);
            }
            default -> scalar(value);
        }
    }

    /** Plain values stay on one line ({@code ["1", "2"]}), as the document shows participants. */
    private void array(List<?> list, int depth) throws IOException {
        if (list.isEmpty()) {
            out.write("[]");
            return;
        }
        boolean inline = list.stream().noneMatch(item -> item instanceof Map || item instanceof List);
        if (inline) {
            out.write('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.write(", ");
                }
                scalar(list.get(i));
            }
            out.write(']');
            return;
        }
        out.write("[\n");
        for (int i = 0; i < list.size(); i++) {
            indent(depth + 1);
            value(list.get(i), depth + 1);
            out.write(i < list.size() - 1 ? ",\n" : "\n");
        }
        indent(depth);
        out.write(']');
    }

    private void checkDepth(int depth) throws TooDeepException {
        // depth counts indentation levels from the conversation object (0); the reader counts
        // nesting from 1 at the conversation object.
        if (depth + 1 > MAX_DEPTH) {
            throw new TooDeepException();
        }
    }

    private void inlineStrings(List<String> values) throws IOException {
        out.write('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(", ");
            }
            quote(values.get(i));
        }
        out.write(']');
    }

    private void scalar(Object value) throws IOException {
        switch (value) {
            case null -> out.write("null");
            case String text -> quote(text);
            case Boolean flag -> out.write(flag.toString());
            case Integer n -> out.write(n.toString());
            case Long n -> out.write(n.toString());
            case Short n -> out.write(n.toString());
            case Byte n -> out.write(n.toString());
            case Double n -> out.write(Double.isFinite(n) ? n.toString() : nonFinite(n));
            case Float n -> out.write(Float.isFinite(n) ? n.toString() : nonFinite(n));
            case BigInteger n -> out.write(n.toString());
            case BigDecimal n -> out.write(n.toString());
            case Number n -> out.write(new BigDecimal(n.toString()).toString());
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /** Non-finite numbers as Python's {@code json} writes them (and the reader accepts). */
    private static String nonFinite(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    private void quote(String text) throws IOException {
        out.write('"');
        out.write(JsonStringEncoder.getInstance().quoteAsString(text));
        out.write('"');
    }

    private void indent(int depth) throws IOException {
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    /** The members of one object at {@code depth}: opens it at the first key, closes it at {@link #end}. */
    private final class Fields {

        private final int depth;
        private boolean any;

        Fields(int depth) {
            this.depth = depth;
        }

        /** Starts the next member; the caller writes its value. */
        Fields key(String name) throws IOException {
            out.write(any ? ",\n" : "{\n");
            any = true;
            indent(depth + 1);
            quote(name);
            out.write(": ");
            return this;
        }

        void string(String value) throws IOException {
            quote(value);
        }

        void end() throws IOException {
            if (!any) {
                out.write("{}");
                return;
            }
            out.write('\n');
            indent(depth);
            out.write('}');
        }
    }
}

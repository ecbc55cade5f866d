package dev.parley.adapters.file;

import dev.parley.domain.archive.ArchivedConversation;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Message;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.GuildId;
import dev.parley.domain.id.ThreadId;
import dev.parley.domain.id.UserId;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The index's schema: one Lucene document per archive file, holding the listing line (stored), the
 * filters (exact terms, the creation time as a point), the text of the summary and of the messages
 * by type (searchable, not stored: snippets are cut from the file itself) and the file's version
 * (inode, modification time, size), by which a scan tells a changed file from one already indexed.
 *
 * <p>A file that cannot be read is indexed too, as {@code kind=unreadable} with its reason, so the
 * index counts every archive file and a scan can compare counts with the directory.
 */
final class IndexDocuments {

    /** Raised whenever the fields or their analysis change: an index of another version is rebuilt. */
    static final String SCHEMA_VERSION = "1";

    static final String FILE = "file";
    static final String VERSION = "version";
    static final String KIND = "kind";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String THREAD = "thread";
    static final String GUILD = "guild";
    static final String GUILD_NAME = "guild_name";
    static final String REQUESTER = "requester";
    static final String PARTICIPANT = "participant";
    static final String MESSAGE_COUNT = "message_count";
    static final String TYPE = "type";
    static final String SUMMARY = "summary";
    static final String REASON = "reason";

    static final String CONVERSATION = "conversation";
    static final String UNREADABLE = "unreadable";

    /** Newest first, then file name descending: the search order, and the order documents are kept in on disk. */
    static final Sort ORDER = new Sort(new SortField(CREATED_AT, SortField.Type.LONG, true),
            new SortField(FILE, SortField.Type.STRING, true));

    /** Words with positions (for phrases); no norms and no stored copy: results are ordered by date, not scored. */
    private static final FieldType TEXT = new FieldType();

    static {
        TEXT.setTokenized(true);
        TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        TEXT.setOmitNorms(true);
        TEXT.setStored(false);
        TEXT.freeze();
    }

    private IndexDocuments() {
    }

    /** The searchable field holding the contents of the messages of {@code type}. */
    static String textField(MessageType type) {
        return "text_" + ArchiveMessageTypes.name(type);
    }

    /** Every searchable text field: the summary, then the messages of each type. */
    static Set<String> textFields() {
        java.util.LinkedHashSet<String> fields = new java.util.LinkedHashSet<>();
        fields.add(SUMMARY);
        for (MessageType type : MessageType.values()) {
            fields.add(textField(type));
        }
        return fields;
    }

    /**
     * Identifies one version of a file: a Parley save renames a new file into place, so its inode
     * changes on every save; the modification time and size catch edits in place.
     */
    static String version(String name, BasicFileAttributes attributes) {
        Object inode = attributes.fileKey();
        return name + "|" + (inode == null ? "" : inode) + "|" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                + "|" + attributes.size();
    }

    /** A version no file ever has: for a file that could not be read this time, so the next full scan retries it. */
    static String unknownVersion(String name) {
        return name + "|unknown";
    }

    static Document conversation(String name, String version, ArchivedTranscript transcript) {
        ArchivedConversation entry = transcript.entry();
        Document doc = identity(name, version, CONVERSATION);
        long created = micros(entry.createdAt());
        doc.add(new LongPoint(CREATED_AT, created));
        doc.add(new NumericDocValuesField(CREATED_AT, created));
        doc.add(new StoredField(CREATED_AT, created));
        doc.add(new StoredField(UPDATED_AT, micros(entry.updatedAt())));
        entry.threadId().ifPresent(thread -> doc.add(new StoredField(THREAD, thread.value())));
        doc.add(new StringField(GUILD, entry.guildId().value(), Field.Store.YES));
        doc.add(new StoredField(GUILD_NAME, entry.guildName()));
        doc.add(new StringField(REQUESTER, entry.requester().value(), Field.Store.YES));
        for (UserId participant : entry.participants()) {
            doc.add(new StringField(PARTICIPANT, participant.value(), Field.Store.YES));
        }
        doc.add(new StoredField(MESSAGE_COUNT, entry.messageCount()));
        if (!transcript.summary().isEmpty()) {
            doc.add(new Field(SUMMARY, transcript.summary(), TEXT));
        }
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        for (Message message : transcript.history()) {
            types.add(message.type());
            if (!message.content().isEmpty()) {
                doc.add(new Field(textField(message.type()), message.content(), TEXT));
            }
        }
        for (MessageType type : types) {
            doc.add(new StringField(TYPE, ArchiveMessageTypes.name(type), Field.Store.NO));
        }
        return doc;
    }

    static Document unreadable(String name, String version, String reason) {
        Document doc = identity(name, version, UNREADABLE);
        doc.add(new StoredField(REASON, reason));
        return doc;
    }

    private static Document identity(String name, String version, String kind) {
        Document doc = new Document();
        doc.add(new StringField(FILE, name, Field.Store.YES));
        doc.add(new SortedDocValuesField(FILE, new BytesRef(name)));
        doc.add(new StringField(VERSION, version, Field.Store.NO));
        doc.add(new StringField(KIND, kind, Field.Store.NO));
        return doc;
    }

    /** The listing line stored in a conversation document. */
    static ArchivedConversation listing(Document stored) {
        return new ArchivedConversation(
                stored.get(FILE),
                Optional.ofNullable(stored.get(THREAD)).map(ThreadId::of),
                GuildId.of(stored.get(GUILD)),
                stored.get(GUILD_NAME),
                UserId.of(stored.get(REQUESTER)),
                Arrays.stream(stored.getValues(PARTICIPANT)).map(UserId::of).toList(),
                instant(stored.getField(CREATED_AT).numericValue().longValue()),
                instant(stored.getField(UPDATED_AT).numericValue().longValue()),
                stored.getField(MESSAGE_COUNT).numericValue().intValue());
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}

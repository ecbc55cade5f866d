package dev.parley.adapters.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.domain.archive.ArchiveQuery;
import dev.parley.domain.conversation.MessageType;
import dev.parley.domain.id.GuildId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page searcher finds exactly what Lucene's own sorted search finds, in the same order, page
 * after page: on an index of many segments (each sorted, none merged), with deleted documents,
 * unreadable entries, tied creation times, and phrases of words that mostly appear apart.
 */
class SortedIndexSearcherTest {

    private static final String[] WORDS = {"the", "to", "and", "deploy", "failed", "night", "again", "server", "café", "log"};
    private static final int DOCUMENTS = 2_000;
    private static final int PER_SEGMENT = 150;

    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        FieldType text = new FieldType();
        text.setTokenized(true);
        text.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        text.setOmitNorms(true);
        text.freeze();
        SplittableRandom random = new SplittableRandom(42);
        IndexWriterConfig config = new IndexWriterConfig(new TextAnalyzer()).setIndexSort(IndexDocuments.ORDER)
                .setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < DOCUMENTS; i++) {
                String name = String.format("conversation-%05d.json", i);
                Document doc = new Document();
                doc.add(new StringField(IndexDocuments.FILE, name, Field.Store.YES));
                doc.add(new SortedDocValuesField(IndexDocuments.FILE, new BytesRef(name)));
                boolean unreadable = random.nextInt(50) == 0;
                doc.add(new StringField(IndexDocuments.KIND, unreadable ? IndexDocuments.UNREADABLE : IndexDocuments.CONVERSATION,
                        Field.Store.NO));
                if (!unreadable) {
                    long created = random.nextInt(600) * 1_000_000L; // many ties: the file name decides them
                    doc.add(new LongPoint(IndexDocuments.CREATED_AT, created));
                    doc.add(new NumericDocValuesField(IndexDocuments.CREATED_AT, created));
                    doc.add(new StringField(IndexDocuments.GUILD, String.valueOf(random.nextInt(3)), Field.Store.NO));
                    for (int m = 0; m < 3; m++) {
                        String field = m == 0 ? IndexDocuments.SUMMARY : IndexDocuments.textField(MessageType.values()[m]);
                        doc.add(new Field(field, sentence(random), text));
                    }
                }
                writer.addDocument(doc);
                if (i % PER_SEGMENT == PER_SEGMENT - 1) {
                    writer.commit();
                }
            }
            for (int i = 0; i < DOCUMENTS; i += 7) {
                writer.deleteDocuments(new Term(IndexDocuments.FILE, String.format("conversation-%05d.json", i)));
            }
            writer.commit();
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void theIndexHasManySortedSegments() {
        assertThat(reader.leaves()).hasSizeGreaterThan(10);
        assertThat(reader.leaves()).allSatisfy(leaf -> assertThat(leaf.reader().getMetaData().sort()).isEqualTo(IndexDocuments.ORDER));
    }

    @Test
    void phrasesFindWhatLuceneFindsInTheSameOrder() throws IOException {
        for (String first : WORDS) {
            for (String second : WORDS) {
                assertSamePages(ArchiveQuery.ALL.containing("\"" + first + " " + second + "\""));
            }
        }
    }

    @Test
    void wordsFiltersAndTheListingFindWhatLuceneFindsInTheSameOrder() throws IOException {
        assertSamePages(ArchiveQuery.ALL);
        assertSamePages(ArchiveQuery.ALL.inGuild(GuildId.of("1")));
        assertSamePages(ArchiveQuery.ALL.containing("deploy night"));
        assertSamePages(ArchiveQuery.ALL.containing("café | log").inGuild(GuildId.of("2")));
        assertSamePages(ArchiveQuery.ALL.containing("-server"));
        assertSamePages(ArchiveQuery.ALL.containing("fail*"));
    }

    private static void assertSamePages(ArchiveQuery archiveQuery) throws IOException {
        Query query = IndexQueries.build(archiveQuery, new TextAnalyzer()).query();
        IndexSearcher lucene = new IndexSearcher(reader);
        SortedIndexSearcher paging = new SortedIndexSearcher(reader);
        int expectedTotal = lucene.count(query);
        for (int limit : new int[] {13, 51}) {
            FieldDoc after = null;
            List<Integer> seen = new ArrayList<>();
            while (true) {
                TopDocs expected = after == null
                        ? lucene.search(query, limit, IndexDocuments.ORDER, false)
                        : lucene.searchAfter(after, query, limit, IndexDocuments.ORDER, false);
                TopDocs actual = paging.page(query, after, limit);
                assertThat(docs(actual)).as("%s, %d a page, after %s", archiveQuery, limit, seen.size()).isEqualTo(docs(expected));
                Arrays.stream(actual.scoreDocs).forEach(hit -> seen.add(hit.doc));
                if (actual.scoreDocs.length < limit) {
                    break;
                }
                after = (FieldDoc) actual.scoreDocs[actual.scoreDocs.length - 1];
            }
            assertThat(seen).doesNotHaveDuplicates().hasSize(expectedTotal);
        }
    }

    private static List<Integer> docs(TopDocs top) {
        return Arrays.stream(top.scoreDocs).map(hit -> hit.doc).toList();
    }

    private static String sentence(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int words = 3 + random.nextInt(12);
        for (int w = 0; w < words; w++) {
            // Skewed: the first words are common, so their phrases are rare against their co-occurrences.
            text.append(w == 0 ? "" : " ").append(WORDS[(int) Math.floor(Math.pow(random.nextDouble(), 2) * WORDS.length)]);
        }
        return text.toString();
    }
}

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
import java.util.concurrent.atomic.AtomicInteger;
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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
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
        directory = index(DOCUMENTS, PER_SEGMENT);
        reader = DirectoryReader.open(directory);
    }

    /** {@code documents} documents in segments of {@code perSegment}, every seventh deleted. */
    private static ByteBuffersDirectory index(int documents, int perSegment) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        FieldType text = new FieldType();
        text.setTokenized(true);
        text.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        text.setOmitNorms(true);
        text.freeze();
        SplittableRandom random = new SplittableRandom(42);
        IndexWriterConfig config = new IndexWriterConfig(new TextAnalyzer()).setIndexSort(IndexDocuments.ORDER)
                .setMergePolicy(NoMergePolicy.INSTANCE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < documents; i++) {
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
                if (i % perSegment == perSegment - 1) {
                    writer.commit();
                }
            }
            for (int i = 0; i < documents; i += 7) {
                writer.deleteDocuments(new Term(IndexDocuments.FILE, String.format("conversation-%05d.json", i)));
            }
            writer.commit();
        }
        return directory;
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
                assertSamePages(ArchiveQuery.ALL.containing("\"" + first + " " + second + "\""), 51);
            }
        }
    }

    @Test
    void wordsFiltersAndTheListingFindWhatLuceneFindsInTheSameOrder() throws IOException {
        for (int limit : new int[] {13, 51}) {
            assertSamePages(ArchiveQuery.ALL, limit);
            assertSamePages(ArchiveQuery.ALL.inGuild(GuildId.of("1")), limit);
            assertSamePages(ArchiveQuery.ALL.containing("deploy night"), limit);
            assertSamePages(ArchiveQuery.ALL.containing("café | log").inGuild(GuildId.of("2")), limit);
            assertSamePages(ArchiveQuery.ALL.containing("-server"), limit);
            assertSamePages(ArchiveQuery.ALL.containing("fail*"), limit);
            assertSamePages(ArchiveQuery.ALL.containing("\"the to\""), limit);
        }
    }

    @Test
    void aPageLooksAtLittleMoreThanItsHitsInEachSegment() throws IOException {
        Query listing = IndexQueries.build(ArchiveQuery.ALL, new TextAnalyzer()).query();
        int all = new IndexSearcher(reader).count(listing);

        TopDocs page = new SortedIndexSearcher(reader).page(listing, null, 13);

        assertThat(page.scoreDocs).hasSize(13);
        assertThat(page.totalHits.relation()).isEqualTo(TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO);
        assertThat(page.totalHits.value()).isLessThanOrEqualTo(13L * reader.leaves().size()).isLessThan(all / 2);
    }

    @Test
    void aPhraseChecksThePositionsOfLittleMoreThanAPageOfDocumentsInEachSegment() throws IOException {
        // Segments larger than the 4,096 documents Lucene's bulk scorers match at a time.
        try (ByteBuffersDirectory large = index(15_000, 5_000); DirectoryReader reader = DirectoryReader.open(large)) {
            assertChecksLittleMoreThanAPage(reader);
        }
    }

    private static void assertChecksLittleMoreThanAPage(DirectoryReader reader) throws IOException {
        AtomicInteger checked = new AtomicInteger();
        Query phrase = IndexQueries.build(ArchiveQuery.ALL.containing("\"the to\""), new TextAnalyzer()).text().orElseThrow();
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexDocuments.KIND, IndexDocuments.CONVERSATION)), Occur.FILTER)
                .add(new CountingChecks(phrase, checked), Occur.MUST)
                .build();
        new IndexSearcher(reader).search(query, 13, IndexDocuments.ORDER);
        int byLucene = checked.getAndSet(0);

        TopDocs page = new SortedIndexSearcher(reader).page(query, null, 13);

        assertThat(page.scoreDocs).hasSize(13);
        assertThat(checked.get()).as("documents checked for a page of 13 in %d segments, Lucene's search checking %d",
                reader.leaves().size(), byLucene).isLessThanOrEqualTo(20 * reader.leaves().size()).isLessThan(byLucene / 10);
    }

    /** {@code in}, counting the documents whose positions (or whatever its second phase looks at) it checks. */
    private static final class CountingChecks extends Query {

        private final Query in;
        private final AtomicInteger checked;

        CountingChecks(Query in, AtomicInteger checked) {
            this.in = in;
            this.checked = checked;
        }

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            Weight weight = searcher.createWeight(searcher.rewrite(in), scoreMode, boost);
            return new FilterWeight(this, weight) {
                @Override
                public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
                    ScorerSupplier supplier = in.scorerSupplier(leaf);
                    return supplier == null ? null : new ScorerSupplier() {
                        @Override
                        public Scorer get(long leadCost) throws IOException {
                            return counting(supplier.get(leadCost));
                        }

                        @Override
                        public long cost() {
                            return supplier.cost();
                        }
                    };
                }
            };
        }

        private Scorer counting(Scorer scorer) {
            TwoPhaseIterator phases = scorer.twoPhaseIterator();
            TwoPhaseIterator counted = phases == null ? null : new TwoPhaseIterator(phases.approximation()) {
                @Override
                public boolean matches() throws IOException {
                    checked.incrementAndGet();
                    return phases.matches();
                }

                @Override
                public float matchCost() {
                    return phases.matchCost();
                }
            };
            return new Scorer() {
                @Override
                public int docID() {
                    return scorer.docID();
                }

                @Override
                public DocIdSetIterator iterator() {
                    return counted == null ? scorer.iterator() : TwoPhaseIterator.asDocIdSetIterator(counted);
                }

                @Override
                public TwoPhaseIterator twoPhaseIterator() {
                    return counted;
                }

                @Override
                public float getMaxScore(int upTo) throws IOException {
                    return scorer.getMaxScore(upTo);
                }

                @Override
                public float score() throws IOException {
                    return scorer.score();
                }
            };
        }

        @Override
        public String toString(String field) {
            return "counting(" + in.toString(field) + ")";
        }

        @Override
        public void visit(QueryVisitor visitor) {
            in.visit(visitor);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private static void assertSamePages(ArchiveQuery archiveQuery, int limit) throws IOException {
        Query query = IndexQueries.build(archiveQuery, new TextAnalyzer()).query();
        IndexSearcher lucene = new IndexSearcher(reader);
        SortedIndexSearcher paging = new SortedIndexSearcher(reader);
        int expectedTotal = lucene.count(query);
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

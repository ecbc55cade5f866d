package dev.parley.adapters.file;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;

/**
 * A searcher for an index kept in {@link IndexDocuments#ORDER}, whose pages are read in that order:
 * each segment's first matching documents are its best, so a page needs only the first
 * {@code limit} matches of each segment, and this searcher looks at no more.
 *
 * <ul>
 *   <li>Hits are not counted beyond the page (Lucene counts 1,000 by default, so a query whose
 *       matches are rare, a phrase of common words above all, went on matching long after its
 *       page was full).</li>
 *   <li>Documents are matched one at a time. Lucene's bulk scorers otherwise match a conjunction
 *       (the kind filter and a phrase, say) a window of 4,096 documents at a time, so each segment
 *       checked the positions of thousands of documents before early termination could stop it.</li>
 * </ul>
 */
final class SortedIndexSearcher extends IndexSearcher {

    /** Makes the searchers of a {@link org.apache.lucene.search.SearcherManager}. */
    static final SearcherFactory FACTORY = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            return new SortedIndexSearcher(reader);
        }
    };

    SortedIndexSearcher(IndexReader reader) {
        super(reader);
    }

    /** The first {@code limit} documents matching {@code query} in index order, after {@code after} if given. */
    TopFieldDocs page(Query query, FieldDoc after, int limit) throws IOException {
        return search(query, new TopFieldCollectorManager(IndexDocuments.ORDER, limit, after, limit));
    }

    @Override
    protected void searchLeaf(LeafReaderContext leaf, int minDocId, int maxDocId, Weight weight, Collector collector)
            throws IOException {
        super.searchLeaf(leaf, minDocId, maxDocId, new DocumentAtATime(weight), collector);
    }

    /** Scores through Lucene's plain bulk scorer, which stops as soon as the collector has all it needs. */
    private static final class DocumentAtATime extends FilterWeight {

        DocumentAtATime(Weight in) {
            super(in);
        }

        @Override
        public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
            ScorerSupplier supplier = in.scorerSupplier(leaf);
            if (supplier == null) {
                return null;
            }
            return new ScorerSupplier() {
                @Override
                public Scorer get(long leadCost) throws IOException {
                    return supplier.get(leadCost);
                }

                @Override
                public BulkScorer bulkScorer() throws IOException {
                    return new Weight.DefaultBulkScorer(supplier.get(Long.MAX_VALUE));
                }

                @Override
                public long cost() {
                    return supplier.cost();
                }

                @Override
                public void setTopLevelScoringClause() throws IOException {
                    supplier.setTopLevelScoringClause();
                }
            };
        }
    }
}

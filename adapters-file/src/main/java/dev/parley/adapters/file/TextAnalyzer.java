package dev.parley.adapters.file;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How message contents and summaries are cut into searchable words, language-neutrally: Unicode
 * word boundaries (UAX #29), lower case, accents folded ({@code café} finds {@code cafe}); no
 * stemming and no stop words, since a Discord server may write in any language.
 *
 * <p>The same analysis marks the words of a snippet, so a snippet highlights what the index matched.
 */
final class TextAnalyzer extends Analyzer {

    /** Keeps a phrase from matching across two messages of the same field. */
    private static final int GAP_BETWEEN_MESSAGES = 100;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer words = new StandardTokenizer();
        TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(words));
        return new TokenStreamComponents(words, folded);
    }

    /** Prefix queries ({@code deplo*}) are normalised as the words they must match. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return GAP_BETWEEN_MESSAGES;
    }
}

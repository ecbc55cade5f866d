package dev.parley.adapters.file;

import dev.parley.domain.InputField;
import dev.parley.domain.InvalidInputException;
import dev.parley.domain.archive.ArchiveQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * An {@link ArchiveQuery} as a Lucene query: the metadata filters as exact terms and a point range,
 * the text through Lucene's {@link SimpleQueryParser}, which never fails on what a person types
 * and offers only cheap operators: words (all required), {@code "phrases"}, {@code -not},
 * {@code a | b}, {@code prefix*} and parentheses; no fuzzy, proximity, regular-expression or
 * leading-wildcard queries.
 */
final class IndexQueries {

    private static final int TEXT_OPERATORS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.NOT_OPERATOR
            | SimpleQueryParser.OR_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR;

    private IndexQueries() {
    }

    /** The whole query, and its text part alone (for snippets). */
    record Built(Query query, Optional<Query> text) {
    }

    /**
     * @throws InvalidInputException (field {@code q}) if the text holds nothing to search for
     */
    static Built build(ArchiveQuery query, Analyzer analyzer) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        all.add(term(IndexDocuments.KIND, IndexDocuments.CONVERSATION), Occur.FILTER);
        query.guild().ifPresent(guild -> all.add(term(IndexDocuments.GUILD, guild.value()), Occur.FILTER));
        query.participant().ifPresent(user -> all.add(term(IndexDocuments.PARTICIPANT, user.value()), Occur.FILTER));
        query.requester().ifPresent(user -> all.add(term(IndexDocuments.REQUESTER, user.value()), Occur.FILTER));
        if (query.from().isPresent() || query.to().isPresent()) {
            long from = query.from().map(IndexQueries::startOf).orElse(Long.MIN_VALUE);
            long to = query.to().map(day -> startOf(day.plusDays(1)) - 1).orElse(Long.MAX_VALUE);
            all.add(LongPoint.newRangeQuery(IndexDocuments.CREATED_AT, from, to), Occur.FILTER);
        }
        query.messageType().ifPresent(type -> all.add(term(IndexDocuments.TYPE, ArchiveMessageTypes.name(type)), Occur.FILTER));
        Optional<Query> text = query.text().map(words -> text(words, query, analyzer));
        text.ifPresent(parsed -> all.add(parsed, Occur.MUST));
        return new Built(all.build(), text);
    }

    private static Query text(String words, ArchiveQuery query, Analyzer analyzer) {
        Map<String, Float> fields = new LinkedHashMap<>();
        if (query.messageType().isPresent()) {
            fields.put(IndexDocuments.textField(query.messageType().get()), 1f);
        } else {
            IndexDocuments.textFields().forEach(field -> fields.put(field, 1f));
        }
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, fields, TEXT_OPERATORS);
        parser.setDefaultOperator(Occur.MUST);
        Query parsed = parser.parse(words);
        if (parsed == null || parsed instanceof MatchNoDocsQuery || parsed instanceof BooleanQuery empty && empty.clauses().isEmpty()) {
            throw new InvalidInputException(InputField.SEARCH_TEXT, "holds no words to search for, got " + InvalidInputException.quoted(words));
        }
        if (parsed instanceof BooleanQuery bool && bool.clauses().stream().allMatch(clause -> clause.occur() == Occur.MUST_NOT)) {
            // "-word" alone means: everything without that word (Lucene would match nothing).
            BooleanQuery.Builder everythingBut = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
            for (BooleanClause clause : bool.clauses()) {
                everythingBut.add(clause);
            }
            return everythingBut.build();
        }
        return parsed;
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static long startOf(LocalDate day) {
        return IndexDocuments.micros(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}

package dev.parley.adapters.file;

import dev.parley.domain.archive.ArchiveHit;
import dev.parley.domain.archive.ArchiveSnippet;
import dev.parley.domain.archive.ArchiveSnippet.Highlight;
import dev.parley.domain.archive.ArchivedTranscript;
import dev.parley.domain.conversation.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Cuts snippets for a text search from an archived conversation: the summary and each message are
 * analysed as the index analysed them, the words the query asks for (not those it excludes) are
 * marked, and the texts with the most distinct matching words give up to {@value ArchiveHit#MAX_SNIPPETS}
 * snippets of at most {@value ArchiveSnippet#MAX_LENGTH} characters, each around its first match.
 *
 * <p>Phrases are marked word by word. Only the first {@value #MAX_ANALYSED} characters of a text
 * are looked at, which bounds the work per message, and a text in ASCII that holds none of the
 * words even as a part of another word is skipped without analysing it.
 */
final class Snippets {

    static final int MAX_ANALYSED = 20_000;
    private static final int CONTEXT_BEFORE = 40;
    private static final int WORD_SNAP = 15;
    private static final String ELLIPSIS = "…";

    /** What the query looks for, per field: exact words and word patterns (prefixes). */
    private final Map<String, Set<BytesRef>> words = new HashMap<>();
    private final Map<String, List<ByteRunAutomaton>> patterns = new HashMap<>();
    /** The exact words again, as strings, for the quick look that skips texts without any of them. */
    private final Map<String, List<String>> wordStrings = new HashMap<>();
    private final Analyzer analyzer;
    private final boolean quickLook;

    Snippets(Query text, Analyzer analyzer) {
        this(text, analyzer, true);
    }

    /**
     * {@code quickLook}: whether texts that certainly hold none of the words are skipped without
     * analysing them (false only to test that skipping changes nothing).
     */
    Snippets(Query text, Analyzer analyzer, boolean quickLook) {
        this.analyzer = analyzer;
        this.quickLook = quickLook;
        text.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }

            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term term : terms) {
                    words.computeIfAbsent(term.field(), field -> new HashSet<>()).add(term.bytes());
                }
            }

            @Override
            public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
                patterns.computeIfAbsent(field, f -> new ArrayList<>()).add(automaton.get());
            }
        });
        words.forEach((field, exact) -> wordStrings.put(field, exact.stream().map(BytesRef::utf8ToString).toList()));
    }

    /** The best snippets of {@code transcript}, best first. */
    List<ArchiveSnippet> of(ArchivedTranscript transcript) {
        List<Candidate> candidates = new ArrayList<>();
        consider(IndexDocuments.SUMMARY, transcript.summary(), OptionalInt.empty(), candidates);
        List<Message> history = transcript.history();
        for (int i = 0; i < history.size(); i++) {
            Message message = history.get(i);
            consider(IndexDocuments.textField(message.type()), message.content(), OptionalInt.of(i), candidates);
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::distinct).reversed())
                .limit(ArchiveHit.MAX_SNIPPETS)
                .map(Snippets::cut)
                .toList();
    }

    private record Match(int start, int end) {
    }

    private record Candidate(OptionalInt message, String text, List<Match> matches, int distinct) {
    }

    private void consider(String field, String text, OptionalInt message, List<Candidate> candidates) {
        Set<BytesRef> fieldWords = words.getOrDefault(field, Set.of());
        List<ByteRunAutomaton> fieldPatterns = patterns.getOrDefault(field, List.of());
        if (text.isEmpty() || (fieldWords.isEmpty() && fieldPatterns.isEmpty())) {
            return;
        }
        String analysed = text.length() > MAX_ANALYSED ? text.substring(0, MAX_ANALYSED) : text;
        if (quickLook && fieldPatterns.isEmpty() && cannotHoldAny(analysed, wordStrings.get(field))) {
            return;
        }
        List<Match> matches = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        BytesRefBuilder bytes = new BytesRefBuilder();
        try (TokenStream tokens = analyzer.tokenStream(field, analysed)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                bytes.copyChars(term.buffer(), 0, term.length());
                if (fieldWords.contains(bytes.get()) || matchesAny(fieldPatterns, bytes.get())) {
                    matches.add(new Match(offset.startOffset(), offset.endOffset()));
                    distinct.add(term.toString());
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        if (!matches.isEmpty()) {
            candidates.add(new Candidate(message, text, matches, distinct.size()));
        }
    }

    private static boolean matchesAny(List<ByteRunAutomaton> patterns, BytesRef word) {
        for (ByteRunAutomaton pattern : patterns) {
            if (pattern.run(word.bytes, word.offset, word.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code text} certainly holds none of {@code fieldWords}, so analysing it would find
     * nothing: told for ASCII texts only, whose words the analysis merely cuts out and lower-cases
     * (folding changes nothing in ASCII), so each word it finds is, in lower case, a part of the text.
     */
    private static boolean cannotHoldAny(String text, List<String> fieldWords) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : fieldWords) {
            if (lower.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** At most {@value ArchiveSnippet#MAX_LENGTH} characters around the first match, cut at spaces where one is near. */
    private static ArchiveSnippet cut(Candidate candidate) {
        String text = candidate.text();
        int first = candidate.matches().getFirst().start();
        int start = Math.max(0, first - CONTEXT_BEFORE);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            if (space >= 0 && space < first && space - start <= WORD_SNAP) {
                start = space + 1;
            }
            if (Character.isLowSurrogate(text.charAt(start))) {
                start++;
            }
        }
        String prefix = start > 0 ? ELLIPSIS : "";
        int room = ArchiveSnippet.MAX_LENGTH - prefix.length();
        int end;
        String suffix;
        if (text.length() - start <= room) {
            end = text.length();
            suffix = "";
        } else {
            suffix = ELLIPSIS;
            end = start + room - suffix.length();
            int space = text.lastIndexOf(' ', end);
            if (space > start && end - space <= WORD_SNAP && space > first) {
                end = space;
            }
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
        }
        StringBuilder shown = new StringBuilder(prefix);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) ? ' ' : c);
        }
        shown.append(suffix);
        List<Highlight> highlights = new ArrayList<>();
        for (Match match : candidate.matches()) {
            int from = Math.max(match.start(), start);
            int to = Math.min(match.end(), end);
            if (from < to) {
                highlights.add(new Highlight(from - start + prefix.length(), to - start + prefix.length()));
            }
        }
        return new ArchiveSnippet(candidate.message(), shown.toString(), highlights);
    }
}

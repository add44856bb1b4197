package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

import eu.urbanagenda.kb.index.Highlight;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.Snippet;
import eu.urbanagenda.kb.ingest.Language;

/**
 * Snippets and full-text highlights with the {@link UnifiedHighlighter}, offsets from the postings. The stored text
 * ({@code body}) is highlighted with the matches of the document's language field and of the transliteration field
 * ("masked fields"), both analysed from that same text; a match of a lemma or stem marks the inflected form in the
 * text. Passages are lines (paragraphs) merged or cut to about 120 characters: the sentence break iterator of the JDK
 * costs more than the rest of highlighting on long texts. Multi-term queries must be rewritten to terms before, so
 * that offsets come from the postings instead of re-analysing the text. Thread-safe.
 */
public final class Snippets {

    private static final int SNIPPET_PASSAGES = 2;
    private static final int PASSAGE_GOAL = 120;
    private static final int PASSAGE_MAX = 220;
    /** Snippets come from the first 50,000 characters of a text (the document view highlights all of it). */
    private static final int SNIPPET_MAX_LENGTH = 50_000;

    private final Analyzer analyzer;
    /** Highlighters of the current reader, per language: a highlighter merges its reader's field infos once. */
    private volatile Cache cache = new Cache(null, Map.of());

    private record Cache(IndexReader reader, Map<Language, ObjectHighlighter> byLang) {
    }

    /**
     * @param analyzer the index analyzer (used where offsets must come from analysis)
     */
    public Snippets(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * @param searcher the searcher the hits come from
     * @param query the query, with multi-term queries rewritten to terms (see {@link KbQueryParser})
     * @param docIds the hits
     * @param langs the language code of each hit
     * @return per hit the snippet, or {@code null} where the text has no match
     * @throws IOException on index errors
     */
    public Snippet[] snippets(IndexSearcher searcher, Query query, int[] docIds, Language[] langs) throws IOException {
        Snippet[] out = new Snippet[docIds.length];
        // one pass per language: each document's text is indexed in its language field and the translit field only
        Map<Language, List<Integer>> byLang = new LinkedHashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            byLang.computeIfAbsent(langs[i] == null ? Language.OTHER : langs[i], k -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<Language, List<Integer>> e : byLang.entrySet()) {
            ObjectHighlighter uh = highlighter(searcher, e.getKey());
            int[] ids = e.getValue().stream().mapToInt(i -> docIds[i]).toArray();
            Object[] r = uh.highlightObjects(DocumentMapper.BODY, query, ids, SNIPPET_PASSAGES);
            for (int k = 0; k < ids.length; k++) {
                out[e.getValue().get(k)] = (Snippet) r[k];
            }
        }
        return out;
    }

    private ObjectHighlighter highlighter(IndexSearcher searcher, Language lang) {
        Cache c = cache;
        ObjectHighlighter uh = c.reader() == searcher.getIndexReader() ? c.byLang().get(lang) : null;
        if (uh != null) {
            return uh;
        }
        Set<String> masked = Set.of(KbFields.textField(lang), KbFields.TRANSLIT);
        uh = new ObjectHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withMaskedFieldsFunc(f -> f.equals(DocumentMapper.BODY) ? masked : Set.of())
                .withBreakIterator(() -> LengthGoalBreakIterator
                        .createClosestToLength(new CustomSeparatorBreakIterator('\n'), PASSAGE_GOAL, 0.33f))
                .withMaxLength(SNIPPET_MAX_LENGTH).withMaxNoHighlightPassages(0).withWeightMatches(false)
                .withFormatter(new SnippetFormatter()).withHandleMultiTermQuery(true));
        Map<Language, ObjectHighlighter> m = new HashMap<>(c.reader() == searcher.getIndexReader() ? c.byLang()
                : Map.of());
        m.put(lang, uh);
        cache = new Cache(searcher.getIndexReader(), Map.copyOf(m));
        return uh;
    }

    /**
     * @param searcher the searcher
     * @param analyzer the index analyzer
     * @param query the query
     * @param docId the document
     * @param lang its language code
     * @return the matches in the whole stored text
     * @throws IOException on index errors
     */
    @SuppressWarnings("unchecked")
    public static List<Highlight> highlights(IndexSearcher searcher, Analyzer analyzer, Query query, int docId,
            Language lang) throws IOException {
        Set<String> masked = Set.of(KbFields.textField(lang), KbFields.TRANSLIT);
        ObjectHighlighter uh = new ObjectHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withMaskedFieldsFunc(f -> f.equals(DocumentMapper.BODY) ? masked : Set.of())
                .withBreakIterator(WholeBreakIterator::new).withMaxLength(Integer.MAX_VALUE - 1)
                .withMaxNoHighlightPassages(0).withWeightMatches(false).withFormatter(new OffsetsFormatter())
                .withHandleMultiTermQuery(true));
        Object r = uh.highlightObjects(DocumentMapper.BODY, query, new int[] {docId}, 1)[0];
        return r == null ? List.of() : (List<Highlight>) r;
    }

    /** Gives access to the highlighter's objects (the formatter's result) instead of strings. */
    private static final class ObjectHighlighter extends UnifiedHighlighter {
        ObjectHighlighter(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        Object[] highlightObjects(String field, Query query, int[] docIds, int passages) throws IOException {
            return highlightFieldsAsObjects(new String[] {field}, query, docIds, new int[] {passages}).get(field);
        }
    }

    /** Appends text with white space collapsed to single spaces. */
    static void appendCollapsed(StringBuilder b, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
            } else if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
    }

    /** The first words of a text, as the snippet of a hit that matched elsewhere (e.g. in its title). */
    public static Snippet leading(String body) {
        String head = body.length() > 400 ? body.substring(0, 400) : body;
        head = head.replaceAll("\\s+", " ").strip();
        int cut = head.length() > 200 ? head.lastIndexOf(' ', 200) : -1;
        String shown = cut > 80 ? head.substring(0, cut) : head.length() > 200 ? head.substring(0, 200) : head;
        return new Snippet(shown.length() < body.strip().length() ? shown + " …" : shown, List.of());
    }

    /** Finds the matches, shortens long passages around them, joins passages by "…": a {@link Snippet}. */
    static final class SnippetFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            StringBuilder b = new StringBuilder();
            List<Highlight> highlights = new ArrayList<>();
            for (Passage p : passages) {
                int start = p.getStartOffset();
                int end = p.getEndOffset();
                if (p.getNumMatches() > 0 && end - start > PASSAGE_MAX) {
                    int first = p.getMatchStarts()[0];
                    start = Math.max(start, wordStart(content, first - PASSAGE_MAX / 3));
                    end = Math.min(end, wordEnd(content, start + PASSAGE_MAX));
                }
                if (b.length() > 0) {
                    b.append(" … ");
                } else if (start > 0) {
                    b.append("… ");
                }
                int pos = start;
                int[] ms = p.getMatchStarts();
                int[] me = p.getMatchEnds();
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int s = Math.max(ms[i], pos);
                    int e = Math.min(me[i], end);
                    if (s >= e) {
                        continue;
                    }
                    // merge adjacent or overlapping matches
                    while (i + 1 < p.getNumMatches() && ms[i + 1] <= e) {
                        e = Math.min(end, Math.max(e, me[++i]));
                    }
                    appendCollapsed(b, content, pos, s);
                    int from = b.length();
                    appendCollapsed(b, content, s, e);
                    highlights.add(new Highlight(from, b.length()));
                    pos = e;
                }
                appendCollapsed(b, content, pos, end);
                if (end < content.length() && p == passages[passages.length - 1]) {
                    b.append(" …");
                }
            }
            // the text starts with a passage or "…", never with white space, so the offsets hold after strip()
            String text = b.toString();
            int trailing = text.length() - text.stripTrailing().length();
            return new Snippet(text.substring(0, text.length() - trailing), highlights);
        }

        private static int wordStart(String s, int i) {
            int k = Math.max(0, i);
            while (k > 0 && !Character.isWhitespace(s.charAt(k - 1))) {
                k--;
            }
            return k;
        }

        private static int wordEnd(String s, int i) {
            int k = Math.min(s.length(), i);
            while (k < s.length() && !Character.isWhitespace(s.charAt(k))) {
                k++;
            }
            return k;
        }
    }

    /** Collects the match offsets of the (single, whole-text) passage. */
    static final class OffsetsFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<Highlight> out = new ArrayList<>();
            for (Passage p : passages) {
                int[] ms = p.getMatchStarts();
                int[] me = p.getMatchEnds();
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int s = ms[i];
                    int e = me[i];
                    if (!out.isEmpty() && s <= out.get(out.size() - 1).end()) {
                        Highlight last = out.remove(out.size() - 1);
                        out.add(new Highlight(last.start(), Math.max(last.end(), e)));
                    } else {
                        out.add(new Highlight(s, e));
                    }
                }
            }
            return out;
        }
    }
}

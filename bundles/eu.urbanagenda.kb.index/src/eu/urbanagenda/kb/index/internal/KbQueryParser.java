package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;

import eu.urbanagenda.kb.index.KbFields;

/**
 * The classic Lucene query parser with default operator AND, leading wildcards allowed, field aliases ({@code uk},
 * {@code bg}, {@code ru}, {@code en}, {@code text}, {@code language}) and a field-less term expanded over a list of
 * fields, each analysed by its own analyzer, as a {@link DisjunctionMaxQuery} (tie breaker 0.1). In that expansion
 * the transliteration field only receives Latin words. Unknown field names are not fields: "Увага:громади" searches
 * both words. {@code date:[2020-01-01 TO 2021-12-31]} is a date range. {@code NOT x} alone is every document without
 * x. Not thread-safe: one parser per parse.
 */
public final class KbQueryParser extends QueryParser {

    private static final String DEFAULT = "\u0000default";
    private static final float TIE_BREAKER = 0.1f;
    /**
     * The title is the text's first line (or the document's own title): a match there is weighed lightly, so that it
     * adds to a match in the text rather than outranking documents that use the word more (measured with
     * releng/eu.urbanagenda.kb.bench/quality.sh: 2 put documents that name a rare word in their title above the one
     * that uses it; 0.3 and lower rank as the text alone).
     */
    private static final float TITLE_BOOST = 0.3f;
    /**
     * The weight of a Bulgarian word's broad stem beside its light stem (see {@link #newSynonymQuery}), chosen with
     * releng/eu.urbanagenda.kb.bench/quality.sh on the tuning half of the known-item queries (tried 1, 0.7, 0.5, 0.3,
     * 0.15, 0.05; 0.7 and 0.5 best there; without the light stem recall falls to 0.83).
     */
    static final float BROAD_STEM_WEIGHT = 0.5f;
    private static final Map<String, Float> BOOSTS = Map.of(KbFields.TITLE, TITLE_BOOST, KbFields.TRANSLIT, 0.5f);
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("uk", KbFields.TEXT_UK),
            Map.entry("bg", KbFields.TEXT_BG), Map.entry("ru", KbFields.TEXT_RU), Map.entry("en", KbFields.TEXT_EN),
            Map.entry("other", KbFields.TEXT_OTHER), Map.entry("language", KbFields.LANG),
            Map.entry("text", DEFAULT), Map.entry("all", DEFAULT));
    private static final List<String> KNOWN = List.of(KbFields.TEXT_UK, KbFields.TEXT_BG, KbFields.TEXT_RU,
            KbFields.TEXT_EN, KbFields.TEXT_OTHER, KbFields.TRANSLIT, KbFields.TITLE, KbFields.LANG, KbFields.FORMAT,
            KbFields.YEAR, KbFields.ENCODING, KbFields.SHA256, KbFields.PATH, KbFields.FOLDER, KbFields.DATE);

    private final List<String> defaultFields;
    private final Analyzer latinTranslit;
    private final IndexTerms index;
    private final LatinReadings latin;
    private QueryLimits.Deadline deadline;
    /** Readings of Latin words as Cyrillic still allowed in this query (each asks the dictionary or the index). */
    private int latinReadings = MAX_LATIN_READINGS;
    private static final int MAX_LATIN_READINGS = 64;

    /**
     * @param analyzer the per-field analyzer
     * @param latinTranslit the transliteration analyzer that drops Cyrillic words
     * @param defaultFields the fields of a term without field name
     */
    public KbQueryParser(Analyzer analyzer, Analyzer latinTranslit, List<String> defaultFields) {
        this(analyzer, latinTranslit, defaultFields, false, null);
    }

    /**
     * @param analyzer the per-field analyzer
     * @param latinTranslit the transliteration analyzer that drops Cyrillic words
     * @param defaultFields the fields of a term without field name
     * @param forHighlighting whether wildcard, prefix, regular expression and range queries rewrite to their 64 best
     *            terms (then {@code IndexSearcher.rewrite} gives plain terms, which the highlighter finds in the
     *            postings) instead of the faster constant-score rewrite used for searching
     * @param index the index searched, whose words a Latin query word may stand for and whose document frequencies
     *            rank a plain text's words, or {@code null}
     */
    public KbQueryParser(Analyzer analyzer, Analyzer latinTranslit, List<String> defaultFields,
            boolean forHighlighting, IndexTerms index) {
        super(DEFAULT, analyzer);
        this.index = index;
        this.latin = new LatinReadings(index, analyzer);
        if (forHighlighting) {
            setMultiTermRewriteMethod(new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(64));
        }
        this.defaultFields = defaultFields.stream().flatMap(f -> {
            String r = resolve(f);
            if (r == null) {
                throw new IllegalArgumentException("unknown field \"" + f + "\"; fields: " + KNOWN);
            }
            return r.equals(DEFAULT) ? KbFields.DEFAULT_FIELDS.stream() : java.util.stream.Stream.of(r);
        }).distinct().toList();
        this.latinTranslit = latinTranslit;
        setDefaultOperator(Operator.AND);
        setDeterminizeWorkLimit(QueryLimits.DETERMINIZE_WORK);
        setAllowLeadingWildcard(true);
        setSplitOnWhitespace(true);
        setLocale(Locale.ROOT);
    }

    /**
     * @param deadline the end of the search's time budget, checked while the query is built
     */
    public void setDeadline(QueryLimits.Deadline deadline) {
        this.deadline = deadline;
    }

    private void checkTime() throws ParseException {
        if (deadline != null) {
            deadline.check();
        }
    }

    /** Words of a text searched as plain text (letters and digits, with inner apostrophes). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’ʼ][\\p{L}]+)*");
    /** Explicit operators: a query that has them is parsed, however long. */
    private static final Pattern OPERATOR = Pattern.compile("\\b(?:AND|OR|NOT)\\b|&&|\\|\\|");
    /** A query of more words than this, without operators, is searched as plain text. */
    public static final int PLAIN_TEXT_WORDS = 24;
    /** The most telling words of a plain text that are searched. */
    static final int PLAIN_TEXT_TERMS = 32;
    /** The share of those words a document must have. */
    static final float PLAIN_TEXT_SHARE = 0.3f;

    /**
     * @param query a query
     * @return whether it is searched as plain text (see {@link #plainText(String)}): more than
     *         {@link #PLAIN_TEXT_WORDS} words and no operator AND, OR, NOT, &amp;&amp;, ||
     */
    public static boolean isPlainText(String query) {
        Matcher m = WORD.matcher(query);
        int words = 0;
        while (words <= PLAIN_TEXT_WORDS && m.find()) {
            words++;
        }
        return words > PLAIN_TEXT_WORDS && !OPERATOR.matcher(query).find();
    }

    /**
     * A long text, such as a pasted paragraph, searched like "more like this": its syntax characters are text, and of
     * its distinct words the {@link #PLAIN_TEXT_TERMS} rarest in the index (that it has at all) are searched, each as
     * a word without field, in a ranked OR of which a document must match {@link #PLAIN_TEXT_SHARE}. The document the
     * text comes from has them all and ranks first.
     *
     * @param text the text
     * @return the query, or {@code null} if no word of the text is in the index
     * @throws ParseException if the time budget runs out
     */
    public Query plainText(String text) throws ParseException {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        List<Map.Entry<String, Long>> byRarity = new ArrayList<>();
        long[] dfs = index == null ? null : documentFrequencies(words);
        int i = 0;
        for (String w : words) {
            checkTime();
            long df = dfs == null ? 1 : dfs[i++];
            if (df > 0) {
                byRarity.add(Map.entry(w, df));
            }
        }
        byRarity.sort(Map.Entry.comparingByValue());
        Set<String> chosen = new LinkedHashSet<>();
        byRarity.stream().limit(PLAIN_TEXT_TERMS).forEach(e -> chosen.add(e.getKey()));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        for (String w : words) {
            if (chosen.contains(w)) {
                Query q = getFieldQuery(DEFAULT, w, false);
                if (q != null) {
                    b.add(q, BooleanClause.Occur.SHOULD);
                    clauses++;
                }
            }
        }
        if (clauses == 0) {
            return null;
        }
        b.setMinimumNumberShouldMatch(Math.max(1, Math.round(clauses * PLAIN_TEXT_SHARE)));
        return b.build();
    }

    /**
     * In how many documents each word occurs, through the analysis of each text field (lemmas and stems): the sum of
     * the document frequencies of its terms, asked of the index in one batch.
     */
    private long[] documentFrequencies(Set<String> words) throws ParseException {
        List<Term> terms = new ArrayList<>();
        int[] ends = new int[words.size()];
        int w = 0;
        try {
            for (String word : words) {
                checkTime();
                for (String field : KbFields.TEXT_FIELDS) {
                    try (TokenStream ts = getAnalyzer().tokenStream(field, word)) {
                        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                        ts.reset();
                        while (ts.incrementToken()) {
                            terms.add(new Term(field, term.toString()));
                        }
                        ts.end();
                    }
                }
                ends[w++] = terms.size();
            }
            long[] termDfs = index.docFreqs(terms);
            checkTime();
            long[] out = new long[words.size()];
            for (int i = 0, t = 0; i < out.length; i++) {
                for (; t < ends[i]; t++) {
                    out[i] += termDfs[t];
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to build for one field. */
    @FunctionalInterface
    private interface PerField {
        Query build(String field) throws ParseException;
    }

    /** What to build for the default field: one query over all the text fields. */
    @FunctionalInterface
    private interface AllFields {
        Query build() throws ParseException;
    }

    /** A query of a field as the user named it, built by {@code each} for a field or for every text field. */
    private Query byField(String field, String text, PerField each) throws ParseException {
        return byField(field, () -> expand(text, true, each), each);
    }

    /**
     * A query of a field as the user named it: the default field (or none) gets {@code all}, an unknown name is looked
     * for as a word as well ({@link #unknownField}), any other field gets {@code one}.
     */
    private Query byField(String field, AllFields all, PerField one) throws ParseException {
        String f = resolve(field);
        if (f == null) {
            return unknownField(field, all.build());
        }
        return f.equals(DEFAULT) ? all.build() : one.build(f);
    }

    private static String resolve(String field) {
        if (field == null || field.equals(DEFAULT) || field.equals("*")) {
            return DEFAULT;
        }
        String alias = ALIASES.get(field.toLowerCase(Locale.ROOT));
        if (alias != null) {
            return alias;
        }
        return KNOWN.contains(field) ? field : null;
    }

    private Query expand(String text, boolean latinOnlyTranslit, PerField perField) throws ParseException {
        List<Query> disjuncts = new ArrayList<>();
        for (String f : defaultFields) {
            Query q;
            if (f.equals(KbFields.TRANSLIT) && latinOnlyTranslit && hasCyrillic(text)) {
                continue;
            }
            q = perField.build(f);
            if (q == null) {
                continue;
            }
            Float boost = BOOSTS.get(f);
            disjuncts.add(boost == null ? q : new BoostQuery(q, boost));
        }
        if (disjuncts.isEmpty()) {
            return null;
        }
        return disjuncts.size() == 1 ? disjuncts.get(0) : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    private static boolean hasCyrillic(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0400' && c <= '\u04FF') {
                return true;
            }
        }
        return false;
    }

    /** An unknown "field": its name is a word to search as well. */
    private Query unknownField(String name, Query valueQuery) throws ParseException {
        Query nameQuery = getFieldQuery(DEFAULT, name, false);
        if (nameQuery == null) {
            return valueQuery;
        }
        if (valueQuery == null) {
            return nameQuery;
        }
        BooleanClause.Occur occur = getDefaultOperator() == Operator.AND ? BooleanClause.Occur.MUST
                : BooleanClause.Occur.SHOULD;
        return new BooleanQuery.Builder().add(nameQuery, occur).add(valueQuery, occur).build();
    }

    /**
     * The stems of a Bulgarian word (see {@code KbAnalyzers.bulgarian(true)}: first the stem that joins all forms of
     * the word, then the light stem, which joins the forms of a noun) are scored each with its own rarity and added up,
     * rather than blended into one term whose rarity is that of the commonest, and the broad stem weighs
     * {@link #BROAD_STEM_WEIGHT}: a document whose form shares the light stem with the query ranks above those that
     * only share the broad one (other parts of speech of the word, and words that merely look alike) unless they use
     * it much more often.
     */
    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
        if (!KbFields.TEXT_BG.equals(field)) {
            return super.newSynonymQuery(field, terms);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (int i = 0; i < terms.length; i++) {
            Query q = new TermQuery(new Term(field, terms[i].term()));
            b.add(i == 0 && terms.length > 1 ? new BoostQuery(q, BROAD_STEM_WEIGHT) : q, BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** Regular expressions in the syntax {@link QueryLimits#regexp(String)} has checked. */
    @Override
    protected Query newRegexpQuery(Term regexp) {
        return new RegexpQuery(regexp, QueryLimits.REGEXP_FLAGS, 0, RegexpQuery.DEFAULT_PROVIDER,
                getDeterminizeWorkLimit(), getMultiTermRewriteMethod());
    }

    /** A group of only excluded terms ({@code NOT Brexit}) means every document without them, not none. */
    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
        Query q = super.getBooleanQuery(clauses);
        if (q instanceof BooleanQuery b && !b.clauses().isEmpty()
                && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            BooleanQuery.Builder all = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST);
            b.clauses().forEach(all::add);
            return all.build();
        }
        return q;
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        checkTime();
        return byField(field, () -> expand(queryText, true, ff -> ff.equals(KbFields.TRANSLIT)
                ? (!quoted && latin.readAsInflected(queryText) ? null
                        : newFieldQuery(latinTranslit, ff, queryText, quoted))
                : withLatinReadings(ff, queryText, quoted, super.getFieldQuery(ff, queryText, quoted))),
                f -> withLatinReadings(f, queryText, quoted, super.getFieldQuery(f, queryText, quoted)));
    }

    /**
     * A Latin word in the Ukrainian or Bulgarian text also stands for the Cyrillic words it transliterates
     * ({@link LatinReadings}): the better of the two matches counts.
     */
    private Query withLatinReadings(String field, String text, boolean quoted, Query asTyped) {
        if (quoted || !(field.equals(KbFields.TEXT_UK) || field.equals(KbFields.TEXT_BG)) || latinReadings <= 0) {
            return asTyped;
        }
        latinReadings--;
        Query readings = latin.query(field, text);
        if (readings == null) {
            return asTyped;
        }
        return asTyped == null ? readings : new DisjunctionMaxQuery(List.of(asTyped, readings), 0f);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        checkTime();
        return byField(field, queryText, f -> super.getFieldQuery(f, queryText, slop));
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        checkTime();
        QueryLimits.fuzzy(termStr);
        return byField(field, termStr, f -> super.getFuzzyQuery(f, termStr, minSimilarity));
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        checkTime();
        QueryLimits.wildcard(termStr);
        return byField(field, termStr, f -> super.getPrefixQuery(f, termStr));
    }

    @Override
    protected Query getWildcardQuery(String field, String typed) throws ParseException {
        checkTime();
        String termStr = QueryLimits.wildcard(typed);
        PerField each = f -> super.getWildcardQuery(f, termStr);
        return byField(field, () -> "*".equals(termStr) ? newMatchAllDocsQuery() : expand(termStr, true, each), each);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        checkTime();
        QueryLimits.regexp(termStr);
        // a regular expression is matched against indexed terms as written: not in the transliteration keys
        return byField(field,
                () -> expand(termStr, true, ff -> ff.equals(KbFields.TRANSLIT) ? null : super.getRegexpQuery(ff, termStr)),
                f -> super.getRegexpQuery(f, termStr));
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
            boolean endInclusive) throws ParseException {
        String f = resolve(field);
        if (f == null) {
            f = DEFAULT;
        }
        if (f.equals(KbFields.DATE)) {
            long from = part1 == null || part1.equals("*") ? Long.MIN_VALUE : epochDay(part1, false);
            long to = part2 == null || part2.equals("*") ? Long.MAX_VALUE : epochDay(part2, true);
            if (!startInclusive && from != Long.MIN_VALUE) {
                from++;
            }
            if (!endInclusive && to != Long.MAX_VALUE) {
                to--;
            }
            return LongField.newRangeQuery(KbFields.DATE, from, to);
        }
        if (f.equals(DEFAULT)) {
            return expand(part1 + " " + part2, false, ff -> ff.equals(KbFields.TRANSLIT) ? null
                    : super.getRangeQuery(ff, part1, part2, startInclusive, endInclusive));
        }
        return super.getRangeQuery(f, part1, part2, startInclusive, endInclusive);
    }

    private static long epochDay(String value, boolean end) throws ParseException {
        String v = value.trim();
        try {
            if (v.matches("\\d{4}")) {
                return (end ? LocalDate.of(Integer.parseInt(v), 12, 31) : LocalDate.of(Integer.parseInt(v), 1, 1))
                        .toEpochDay();
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                LocalDate first = LocalDate.parse(v + "-01");
                return (end ? first.plusMonths(1).minusDays(1) : first).toEpochDay();
            }
            return LocalDate.parse(v).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new ParseException("The date field expects dates like 2021, 2021-10 or 2021-10-19, not \"" + value
                    + "\"");
        }
    }
}

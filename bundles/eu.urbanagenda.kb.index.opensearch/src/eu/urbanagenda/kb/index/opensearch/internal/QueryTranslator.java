package eu.urbanagenda.kb.index.opensearch.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.RegExp;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;

import eu.urbanagenda.kb.index.internal.QueryLimits;

/**
 * Turns the Lucene query the product's parser built on the client into the query DSL, so that the engine builds the
 * same Lucene query again: the same classes with the same terms, boosts and structure, hence the same matches and
 * scores. Terms are sent as analysed already: {@code term}, {@code prefix}, {@code wildcard}, {@code regexp},
 * {@code fuzzy} and {@code range} take their value as it is; synonym (a word and its lemmas at one position), phrase
 * and multi-phrase queries go as {@code match} / {@code match_phrase} over the plugin's {@code kb_tokens} analyzer,
 * which hands the terms back as they were written ({@link TokenList}).
 */
public final class QueryTranslator {

    /** The plugin's analyzer of already analysed terms. */
    public static final String TOKENS_ANALYZER = "kb_tokens";
    /**
     * The syntax of regular expressions the parser allows ({@link QueryLimits#REGEXP_FLAGS}: all but named automata),
     * in the DSL's names, so that the engine builds the same automaton.
     */
    static final String REGEXP_FLAGS = regexpFlags(QueryLimits.REGEXP_FLAGS);
    /** Lucene's FuzzyQuery default, which the classic query parser uses. */
    private static final int FUZZY_MAX_EXPANSIONS = FuzzyQuery.defaultMaxExpansions;

    private QueryTranslator() {
    }

    /**
     * @param query a query built by the product's parser
     * @return the same query in the DSL
     * @throws IllegalArgumentException for a kind of query the parser does not build
     */
    public static Query translate(org.apache.lucene.search.Query query) {
        return translate(query, 1f);
    }

    private static Query translate(org.apache.lucene.search.Query q, float boost) {
        Float b = boost == 1f ? null : boost;
        if (q instanceof BoostQuery bq) {
            return translate(bq.getQuery(), boost * bq.getBoost());
        }
        if (q instanceof BooleanQuery bool) {
            return bool(bool, b);
        }
        if (q instanceof DisjunctionMaxQuery dmq) {
            List<Query> disjuncts = new ArrayList<>();
            for (org.apache.lucene.search.Query d : dmq.getDisjuncts()) {
                disjuncts.add(translate(d));
            }
            return Query.of(x -> x.disMax(d -> d.queries(disjuncts).tieBreaker(dmq.getTieBreakerMultiplier()).boost(b)));
        }
        if (q instanceof TermQuery tq) {
            Term t = tq.getTerm();
            return Query.of(x -> x.term(v -> v.field(t.field()).value(FieldValue.of(t.text())).boost(b)));
        }
        if (q instanceof SynonymQuery sq) {
            String tokens = TokenList.position(sq.getTerms().stream().map(Term::text).toList());
            return Query.of(x -> x.match(m -> m.field(sq.getField()).query(FieldValue.of(tokens))
                    .analyzer(TOKENS_ANALYZER).boost(b)));
        }
        if (q instanceof PhraseQuery pq) {
            List<List<String>> positions = new ArrayList<>();
            for (Term t : pq.getTerms()) {
                positions.add(List.of(t.text()));
            }
            return phrase(pq.getField(), TokenList.encode(positions, pq.getPositions()), pq.getSlop(), b);
        }
        if (q instanceof MultiPhraseQuery mpq) {
            List<List<String>> positions = new ArrayList<>();
            String field = null;
            for (Term[] alternatives : mpq.getTermArrays()) {
                List<String> texts = new ArrayList<>();
                for (Term t : alternatives) {
                    texts.add(t.text());
                    field = t.field();
                }
                positions.add(texts);
            }
            if (field == null) {
                return Query.of(x -> x.matchNone(n -> n));
            }
            return phrase(field, TokenList.encode(positions, mpq.getPositions()), mpq.getSlop(), b);
        }
        if (q instanceof PrefixQuery pq) {
            Term t = pq.getPrefix();
            return Query.of(x -> x.prefix(p -> p.field(t.field()).value(t.text()).boost(b)));
        }
        if (q instanceof WildcardQuery wq) {
            Term t = wq.getTerm();
            return Query.of(x -> x.wildcard(w -> w.field(t.field()).value(t.text()).boost(b)));
        }
        if (q instanceof RegexpQuery rq) {
            Term t = rq.getRegexp();
            return Query.of(x -> x.regexp(r -> r.field(t.field()).value(t.text()).flags(REGEXP_FLAGS).boost(b)));
        }
        if (q instanceof FuzzyQuery fq) {
            Term t = fq.getTerm();
            return Query.of(x -> x.fuzzy(f -> f.field(t.field()).value(FieldValue.of(t.text()))
                    .fuzziness(Integer.toString(fq.getMaxEdits())).prefixLength(fq.getPrefixLength())
                    .transpositions(fq.getTranspositions()).maxExpansions(FUZZY_MAX_EXPANSIONS).boost(b)));
        }
        if (q instanceof TermRangeQuery rq) {
            return Query.of(x -> x.range(r -> {
                r.field(rq.getField()).boost(b);
                if (rq.getLowerTerm() != null) {
                    JsonData lower = JsonData.of(text(rq.getLowerTerm()));
                    r = rq.includesLower() ? r.gte(lower) : r.gt(lower);
                }
                if (rq.getUpperTerm() != null) {
                    JsonData upper = JsonData.of(text(rq.getUpperTerm()));
                    r = rq.includesUpper() ? r.lte(upper) : r.lt(upper);
                }
                return r;
            }));
        }
        if (q instanceof IndexSortSortedNumericDocValuesRangeQuery sorted) {
            return translate(sorted.getFallbackQuery(), boost);
        }
        if (q instanceof IndexOrDocValuesQuery iodv) {
            return translate(iodv.getIndexQuery(), boost);
        }
        if (q instanceof PointRangeQuery prq && prq.getNumDims() == 1 && prq.getBytesPerDim() == Long.BYTES) {
            long lower = LongPoint.decodeDimension(prq.getLowerPoint(), 0);
            long upper = LongPoint.decodeDimension(prq.getUpperPoint(), 0);
            return Query.of(x -> x.range(r -> {
                r.field(prq.getField()).boost(b);
                if (lower != Long.MIN_VALUE) {
                    r = r.gte(JsonData.of(lower));
                }
                if (upper != Long.MAX_VALUE) {
                    r = r.lte(JsonData.of(upper));
                }
                return r;
            }));
        }
        if (q instanceof MatchAllDocsQuery) {
            return Query.of(x -> x.matchAll(m -> m.boost(b)));
        }
        if (q instanceof MatchNoDocsQuery) {
            return Query.of(x -> x.matchNone(n -> n));
        }
        throw new IllegalArgumentException("a query of this kind cannot be sent to OpenSearch: " + q);
    }

    private static Query bool(BooleanQuery bool, Float boost) {
        if (bool.clauses().isEmpty()
                || bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
            // Lucene: a query of no clauses, or of excluded ones only, matches nothing (the DSL would match all)
            return Query.of(x -> x.matchNone(n -> n));
        }
        BoolQuery.Builder b = new BoolQuery.Builder().adjustPureNegative(false).boost(boost);
        for (BooleanClause c : bool.clauses()) {
            Query sub = translate(c.query());
            switch (c.occur()) {
                case MUST -> b.must(sub);
                case SHOULD -> b.should(sub);
                case FILTER -> b.filter(sub);
                case MUST_NOT -> b.mustNot(sub);
            }
        }
        if (bool.getMinimumNumberShouldMatch() > 0) {
            b.minimumShouldMatch(Integer.toString(bool.getMinimumNumberShouldMatch()));
        }
        BoolQuery built = b.build();
        return Query.of(x -> x.bool(built));
    }

    private static Query phrase(String field, String tokens, int slop, Float boost) {
        return Query.of(x -> x.matchPhrase(m -> m.field(field).query(tokens).analyzer(TOKENS_ANALYZER).slop(slop)
                .boost(boost)));
    }

    private static String regexpFlags(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & RegExp.INTERSECTION) != 0) {
            names.add("INTERSECTION");
        }
        if ((flags & RegExp.EMPTY) != 0) {
            names.add("EMPTY");
        }
        if ((flags & RegExp.ANYSTRING) != 0) {
            names.add("ANYSTRING");
        }
        if ((flags & RegExp.INTERVAL) != 0) {
            names.add("INTERVAL");
        }
        return names.isEmpty() ? "NONE" : String.join("|", names);
    }

    private static String text(BytesRef bytes) {
        return bytes.utf8ToString();
    }
}

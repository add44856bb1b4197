package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.QueryTooCostlyException;

/**
 * A user's query to a Lucene query with {@link KbQueryParser} within the bounds of {@link QueryLimits}, with readable
 * messages for queries that cannot be read or would cost too much, and the query that highlights its matches. Every
 * engine parses queries here (the OpenSearch backend sends the result to the cluster), so a query means the same
 * everywhere and is refused the same way. Thread-safe.
 */
public final class QueryParsing {

    private final Analyzer queryAnalyzer;
    private final Analyzer latinTranslit;

    /**
     * @param queryAnalyzer the per-field query analyzer ({@link KbFields#queryAnalyzer()})
     * @param latinTranslit the transliteration analyzer that drops Cyrillic words
     */
    public QueryParsing(Analyzer queryAnalyzer, Analyzer latinTranslit) {
        this.queryAnalyzer = queryAnalyzer;
        this.latinTranslit = latinTranslit;
    }

    /**
     * Parses a query within the bounds of {@link QueryLimits}: a long text without operators is searched as plain
     * text; a breach of a bound is a {@link QueryTooCostlyException}, a query that cannot be read a
     * {@link QuerySyntaxException}.
     *
     * @param query a query in Lucene syntax; empty matches all documents
     * @param fields the fields of terms without field name; empty for {@link KbFields#DEFAULT_FIELDS}
     * @param forHighlighting whether multi-term queries rewrite to their best terms (see {@link KbQueryParser})
     * @param reader the index searched, for the rarity of a plain text's words and the Cyrillic readings of Latin
     *            words, or {@code null} (then a plain text's words count as equally rare, and only the dictionary
     *            reads Latin words)
     * @param deadline the end of the search's time budget
     * @return the Lucene query
     * @throws QuerySyntaxException with a readable message and position
     * @throws IllegalArgumentException if a field name is unknown
     */
    public Query parse(String query, List<String> fields, boolean forHighlighting, IndexReader reader,
            QueryLimits.Deadline deadline) throws QuerySyntaxException {
        return parse(query, fields, forHighlighting, IndexTerms.of(reader), deadline);
    }

    /**
     * {@link #parse(String, List, boolean, IndexReader, QueryLimits.Deadline)} for an engine that answers for its terms otherwise
     * than a Lucene reader (a cluster).
     *
     * @param query a query in Lucene syntax; empty matches all documents
     * @param fields the fields of terms without field name; empty for {@link KbFields#DEFAULT_FIELDS}
     * @param forHighlighting whether multi-term queries rewrite to their best terms
     * @param index the terms of the index searched, or {@code null}
     * @param deadline the end of the search's time budget
     * @return the Lucene query
     * @throws QuerySyntaxException with a readable message and position
     */
    public Query parse(String query, List<String> fields, boolean forHighlighting, IndexTerms index,
            QueryLimits.Deadline deadline) throws QuerySyntaxException {
        if (query == null || query.isBlank()) {
            return MatchAllDocsQuery.INSTANCE;
        }
        KbQueryParser parser = new KbQueryParser(queryAnalyzer, latinTranslit,
                fields == null || fields.isEmpty() ? KbFields.DEFAULT_FIELDS : fields, forHighlighting, index);
        parser.setDeadline(deadline);
        try {
            QueryLimits.checkLength(query);
            if (KbQueryParser.isPlainText(query)) {
                Query q = parser.plainText(query);
                return q == null ? new MatchNoDocsQuery("no word of the text is in the index") : q;
            }
            int deep = QueryLimits.tooDeeplyNested(query);
            if (deep >= 0) {
                throw new QuerySyntaxException("Too many nested parentheses: the one at position " + (deep + 1)
                        + " opens a group " + (QueryLimits.MAX_NESTING + 1) + " levels deep; at most "
                        + QueryLimits.MAX_NESTING + " are allowed.", query, deep);
            }
            Query q = parser.parse(query);
            return q == null ? new MatchNoDocsQuery("empty query") : q;
        } catch (QueryLimits.CostlyQuery e) {
            throw costly(query, e);
        } catch (ParseException e) {
            if (e.getCause() instanceof QueryLimits.CostlyQuery c) {
                throw costly(query, c);
            }
            if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
                throw tooManyClauses(query);
            }
            throw SyntaxErrors.of(query, e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw tooManyClauses(query);
        } catch (TooComplexToDeterminizeException e) {
            throw new QueryTooCostlyException("A wildcard term or regular expression of the query matches too many "
                    + "different words to search; make it more specific.", query, -1);
        } catch (StackOverflowError e) {
            throw new QuerySyntaxException("The query is nested too deeply to be read; use fewer parentheses.",
                    query, -1);
        }
    }

    private static QueryTooCostlyException costly(String query, QueryLimits.CostlyQuery e) {
        return new QueryTooCostlyException(e.getMessage() + ".", query, e.position());
    }

    /**
     * @param query the query
     * @return the error of a query that expands to more terms than a search may have
     */
    public static QueryTooCostlyException tooManyClauses(String query) {
        return new QueryTooCostlyException("The query has too many words and alternatives to search at once (more "
                + "than " + IndexSearcher.getMaxClauseCount() + " terms once its words, their forms and wildcards are "
                + "expanded); remove some, or leave out AND, OR and NOT to search it as plain text.", query, -1);
    }

    /**
     * @param query the query
     * @return the error of a search that ran out of its time budget
     */
    public static QueryTooCostlyException timeUp(String query) {
        return new QueryTooCostlyException(QueryLimits.timeUp() + ".", query, -1);
    }

    /**
     * The query for highlighting: the search query itself, or if it has wildcard, prefix, fuzzy, regular expression
     * or range terms, the query parsed again with those expanded to their best terms in the searcher's index.
     *
     * @param searcher the searcher of the documents to highlight
     * @param parsed the query as parsed for searching
     * @param query the query text
     * @param fields the fields of terms without field name
     * @param deadline the end of the search's time budget
     * @return a query whose terms the highlighter finds in the postings
     * @throws QuerySyntaxException if the query cannot be parsed
     * @throws IOException on index errors
     */
    public Query forHighlighting(IndexSearcher searcher, Query parsed, String query, List<String> fields,
            QueryLimits.Deadline deadline) throws QuerySyntaxException, IOException {
        return expandsTerms(parsed, false)
                ? searcher.rewrite(parse(query, fields, true, searcher.getIndexReader(), deadline))
                : parsed;
    }

    /**
     * @param query a query
     * @param inExclusions whether terms in excluded clauses count
     * @return whether the query has wildcard, prefix, fuzzy, regular expression or range terms
     */
    public static boolean expandsTerms(Query query, boolean inExclusions) {
        boolean[] multiTerm = new boolean[1];
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                multiTerm[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT && !inExclusions ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return multiTerm[0];
    }
}

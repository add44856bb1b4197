package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.QuerySyntaxException;

/**
 * A user's query to a Lucene query with {@link KbQueryParser}, with readable syntax errors, and the query that
 * highlights its matches. Every engine parses queries here (the OpenSearch backend sends the result to the cluster), so
 * a query means the same everywhere. Thread-safe.
 */
public final class QueryParsing {

    private final Analyzer analyzer;
    private final Analyzer latinTranslit;

    /**
     * @param analyzer the per-field analyzer ({@link KbFields#analyzer()})
     * @param latinTranslit the transliteration analyzer that drops Cyrillic words
     */
    public QueryParsing(Analyzer analyzer, Analyzer latinTranslit) {
        this.analyzer = analyzer;
        this.latinTranslit = latinTranslit;
    }

    /**
     * @param query a query in Lucene syntax; empty matches all documents
     * @param fields the fields of terms without field name; empty for {@link KbFields#DEFAULT_FIELDS}
     * @param forHighlighting whether multi-term queries rewrite to their best terms (see {@link KbQueryParser})
     * @return the Lucene query
     * @throws QuerySyntaxException with a readable message and position
     */
    public Query parse(String query, List<String> fields, boolean forHighlighting) throws QuerySyntaxException {
        if (query == null || query.isBlank()) {
            return MatchAllDocsQuery.INSTANCE;
        }
        KbQueryParser parser = new KbQueryParser(analyzer, latinTranslit,
                fields == null || fields.isEmpty() ? KbFields.DEFAULT_FIELDS : fields, forHighlighting);
        try {
            Query q = parser.parse(query);
            return q == null ? new MatchNoDocsQuery("empty query") : q;
        } catch (ParseException e) {
            throw SyntaxErrors.of(query, e);
        } catch (IllegalArgumentException | IllegalStateException | IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException("Invalid query: " + e.getMessage(), query, -1);
        }
    }

    /**
     * The query for highlighting: the search query itself, or if it has wildcard, prefix, fuzzy, regular expression
     * or range terms, the query parsed again with those expanded to their best terms in the searcher's index.
     *
     * @param searcher the searcher of the documents to highlight
     * @param parsed the query as parsed for searching
     * @param query the query text
     * @param fields the fields of terms without field name
     * @return a query whose terms the highlighter finds in the postings
     * @throws QuerySyntaxException if the query cannot be parsed
     * @throws IOException on index errors
     */
    public Query forHighlighting(IndexSearcher searcher, Query parsed, String query, List<String> fields)
            throws QuerySyntaxException, IOException {
        boolean[] multiTerm = new boolean[1];
        parsed.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                multiTerm[0] = true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return multiTerm[0] ? searcher.rewrite(parse(query, fields, true)) : parsed;
    }
}

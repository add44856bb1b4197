package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;

import eu.urbanagenda.kb.index.Highlight;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.Snippet;
import eu.urbanagenda.kb.index.internal.DocumentMapper;
import eu.urbanagenda.kb.index.internal.QueryLimits;
import eu.urbanagenda.kb.index.internal.QueryParsing;
import eu.urbanagenda.kb.index.internal.Snippets;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Language;

/**
 * Snippets and highlights made on the client, by the desktop index's own code ({@link Snippets}, {@link DocumentMapper},
 * {@link QueryParsing}) over a small in-memory index of the hits of one page: they are the same as the desktop's, and
 * the cluster only returns the beginning of each text. Thread-safe.
 */
public final class Highlighting {

    /** Snippets come from the first 50,000 characters of a text, as on the desktop. */
    public static final int SNIPPET_TEXT = 50_000;

    private final Analyzer analyzer;
    private final QueryParsing queries;

    /**
     * @param analyzer the per-field analyzer
     * @param queries the query parser
     */
    public Highlighting(Analyzer analyzer, QueryParsing queries) {
        this.analyzer = analyzer;
        this.queries = queries;
    }

    /** The in-memory index of some documents: document i is the i-th given. */
    private final class Page implements AutoCloseable {
        final ByteBuffersDirectory directory = new ByteBuffersDirectory();
        final DirectoryReader reader;
        final IndexSearcher searcher;

        Page(List<ExtractedDocument> documents, List<Charset> overrides) throws IOException {
            try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (int i = 0; i < documents.size(); i++) {
                    w.addDocument(DocumentMapper.toDocument(documents.get(i), overrides.get(i)));
                }
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        }

        @Override
        public void close() throws IOException {
            reader.close();
            directory.close();
        }
    }

    /**
     * @param documents the hits, each with (the beginning of) its text
     * @param overrides the encoding override of each
     * @param parsed the query as parsed for searching
     * @param query the query text
     * @param fields the fields of terms without field name
     * @param deadline the end of the search's time budget
     * @return per hit its snippet: the best passages with the matches marked, or the beginning of the text
     * @throws QuerySyntaxException if the query cannot be parsed
     * @throws IOException on analysis errors
     */
    public Snippet[] snippets(List<ExtractedDocument> documents, List<Charset> overrides, Query parsed, String query,
            List<String> fields, QueryLimits.Deadline deadline) throws QuerySyntaxException, IOException {
        if (documents.isEmpty()) {
            return new Snippet[0];
        }
        try (Page page = new Page(documents, overrides)) {
            int[] ids = new int[documents.size()];
            Language[] langs = new Language[documents.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
                langs[i] = documents.get(i).language();
            }
            Query highlight = queries.forHighlighting(page.searcher, parsed, query, fields, deadline);
            Snippet[] out = new Snippets(analyzer).snippets(page.searcher, highlight, ids, langs);
            for (int i = 0; i < out.length; i++) {
                if (out[i] == null) {
                    out[i] = Snippets.leading(documents.get(i).text());
                }
            }
            return out;
        }
    }

    /**
     * @param document a document with its whole text
     * @param override its encoding override
     * @param parsed the query as parsed for searching
     * @param query the query text
     * @param deadline the end of the search's time budget
     * @return the matches of the query in the text
     * @throws QuerySyntaxException if the query cannot be parsed
     * @throws IOException on analysis errors
     */
    public List<Highlight> highlights(ExtractedDocument document, Charset override, Query parsed, String query,
            QueryLimits.Deadline deadline) throws QuerySyntaxException, IOException {
        try (Page page = new Page(List.of(document), java.util.Collections.singletonList(override))) {
            Query highlight = queries.forHighlighting(page.searcher, parsed, query, List.of(), deadline);
            return Snippets.highlights(page.searcher, analyzer, highlight, 0, document.language());
        }
    }
}

package eu.urbanagenda.kb.index.opensearch.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch.core.MsearchResponse;
import org.opensearch.client.opensearch.core.msearch.MultiSearchResponseItem;
import org.opensearch.client.opensearch.core.msearch.RequestItem;

import eu.urbanagenda.kb.index.internal.IndexTerms;
import eu.urbanagenda.kb.index.opensearch.ClusterException;

/**
 * What the query parser asks of the cluster's index ({@link IndexTerms}): the number of documents of each term, counted
 * by the engine in one multi-search of term queries per batch (a count, which the engine takes from its term
 * statistics). The engine has no way to list an index's terms, so Latin words are read through the dictionary and the
 * Bulgarian spellings only.
 *
 * @param cluster the cluster
 * @param index the index
 */
public record ClusterTerms(Cluster cluster, String index) implements IndexTerms {

    /** Terms counted per request. */
    private static final int BATCH = 512;

    @Override
    public Object cacheKey() {
        return null; // the cluster's index changes without telling: nothing is kept
    }

    @Override
    public long[] docFreqs(List<Term> terms) throws IOException {
        long[] out = new long[terms.size()];
        for (int from = 0; from < terms.size(); from += BATCH) {
            List<Term> batch = terms.subList(from, Math.min(terms.size(), from + BATCH));
            List<RequestItem> searches = new ArrayList<>(batch.size());
            for (Term t : batch) {
                searches.add(RequestItem.of(r -> r.header(h -> h.index(index)).body(b -> b.size(0)
                        .trackTotalHits(x -> x.enabled(true))
                        .query(q -> q.term(v -> v.field(t.field()).value(FieldValue.of(t.text())))))));
            }
            MsearchResponse<Void> r = cluster.call("count the documents of the query's words",
                    () -> cluster.client().msearch(m -> m.searches(searches), Void.class));
            for (int i = 0; i < batch.size(); i++) {
                MultiSearchResponseItem<Void> item = r.responses().get(i);
                if (!item.isResult()) {
                    throw new ClusterException("The cluster could not count the documents of \"" + batch.get(i).text()
                            + "\": " + item.failure().error().reason(), null);
                }
                out[from + i] = item.result().hits().total() == null ? 0 : item.result().hits().total().value();
            }
        }
        return out;
    }

    @Override
    public Map<String, Integer> accepted(String field, CompiledAutomaton automaton) {
        return null;
    }
}

package eu.urbanagenda.kb.index.opensearch.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.Buckets;
import org.opensearch.client.opensearch._types.aggregations.FiltersBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;

import eu.urbanagenda.kb.index.FacetCount;
import eu.urbanagenda.kb.index.Facets;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.internal.DocumentMapper;
import eu.urbanagenda.kb.index.internal.FacetCollectorManager;

/**
 * The filters of a search and its facets as aggregations, counted as the desktop index counts them: every dimension
 * over the matches of the query and the other dimensions' filters (a filtered dimension still shows its other values),
 * sorted by count, then value; at most 100 folders; every requested group, also when empty.
 */
public final class FacetAggregations {

    private static final String VALUES = "values";
    private static final int MAX_FOLDERS = 100;
    private static final int ALL_VALUES = 10_000;

    private FacetAggregations() {
    }

    /**
     * @param r a search
     * @return its filters by dimension ({@link FacetCollectorManager} names)
     */
    public static Map<String, Query> filters(SearchRequest r) {
        Map<String, Query> f = new LinkedHashMap<>();
        if (!r.languages().isEmpty()) {
            f.put(FacetCollectorManager.LANG, terms(KbFields.LANG, lower(r.languages())));
        }
        if (!r.years().isEmpty()) {
            f.put(FacetCollectorManager.YEAR, terms(KbFields.YEAR, r.years().stream().map(String::valueOf).toList()));
        }
        if (!r.formats().isEmpty()) {
            f.put(FacetCollectorManager.FORMAT, terms(KbFields.FORMAT, lower(r.formats())));
        }
        if (r.folder() != null) {
            String folder = r.folder().toAbsolutePath().normalize().toString();
            f.put(FacetCollectorManager.FOLDER,
                    Query.of(q -> q.term(t -> t.field(KbFields.FOLDER).value(FieldValue.of(folder)))));
        }
        if (!r.groupFilter().isEmpty()) {
            Set<String> hashes = new LinkedHashSet<>();
            for (String g : r.groupFilter()) {
                hashes.addAll(r.groups().getOrDefault(g, Set.of()));
            }
            f.put(FacetCollectorManager.GROUP, terms(KbFields.SHA256, lower(hashes)));
        }
        return f;
    }

    /**
     * @param filters some filters
     * @return a query that matches what all of them match
     */
    public static Query all(Collection<Query> filters) {
        List<Query> list = List.copyOf(filters);
        return list.size() == 1 ? list.get(0) : Query.of(q -> q.bool(b -> b.filter(list)));
    }

    /**
     * @param r a search
     * @param filters its filters
     * @return the aggregations of its facets, by dimension
     */
    public static Map<String, Aggregation> aggregations(SearchRequest r, Map<String, Query> filters) {
        Map<String, Aggregation> inner = new LinkedHashMap<>();
        inner.put(FacetCollectorManager.LANG, termsAggregation(KbFields.LANG, ALL_VALUES));
        inner.put(FacetCollectorManager.YEAR, termsAggregation(KbFields.YEAR, ALL_VALUES));
        inner.put(FacetCollectorManager.FORMAT, termsAggregation(KbFields.FORMAT, ALL_VALUES));
        inner.put(FacetCollectorManager.FOLDER, termsAggregation(DocumentMapper.PARENT, MAX_FOLDERS));
        if (!r.groups().isEmpty()) {
            Map<String, Query> groups = new LinkedHashMap<>();
            r.groups().forEach((id, hashes) -> groups.put(id, terms(KbFields.SHA256, lower(hashes))));
            inner.put(FacetCollectorManager.GROUP, Aggregation.of(a -> a.filters(f -> f.filters(Buckets.of(b -> b.keyed(groups))))));
        }
        Map<String, Aggregation> out = new LinkedHashMap<>();
        inner.forEach((dim, aggregation) -> {
            List<Query> others = new ArrayList<>();
            filters.forEach((d, q) -> {
                if (!d.equals(dim)) {
                    others.add(q);
                }
            });
            out.put(dim, others.isEmpty() ? aggregation
                    : Aggregation.of(a -> a.filter(all(others)).aggregations(VALUES, aggregation)));
        });
        return out;
    }

    /**
     * @param aggregations the aggregations of a response
     * @param r its search
     * @return the facets
     */
    public static Facets read(Map<String, Aggregate> aggregations, SearchRequest r) {
        return new Facets(values(aggregations.get(FacetCollectorManager.LANG)),
                values(aggregations.get(FacetCollectorManager.YEAR)),
                values(aggregations.get(FacetCollectorManager.FORMAT)),
                values(aggregations.get(FacetCollectorManager.FOLDER)),
                r.groups().isEmpty() ? List.of() : values(aggregations.get(FacetCollectorManager.GROUP)));
    }

    private static List<FacetCount> values(Aggregate a) {
        if (a == null) {
            return List.of();
        }
        if (a.isFilter()) {
            a = a.filter().aggregations().get(VALUES);
        }
        List<FacetCount> counts = new ArrayList<>();
        if (a.isSterms()) {
            for (StringTermsBucket b : a.sterms().buckets().array()) {
                counts.add(new FacetCount(b.key(), b.docCount()));
            }
        } else if (a.isFilters()) {
            for (Map.Entry<String, FiltersBucket> e : a.filters().buckets().keyed().entrySet()) {
                counts.add(new FacetCount(e.getKey(), e.getValue().docCount()));
            }
        }
        counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
        return List.copyOf(counts);
    }

    /**
     * @param filters the filters of a search
     * @return the count of matching documents (copies counted once: distinct groups), under the filters; exact up to
     *         40,000 documents (OpenSearch's cardinality), approximate beyond
     */
    public static Aggregation documentCount(Map<String, Query> filters) {
        Aggregation count = Aggregation.of(a -> a.cardinality(c -> c.field(DocumentMapper.GROUP).precisionThreshold(40_000)));
        return filters.isEmpty() ? count
                : Aggregation.of(a -> a.filter(all(filters.values())).aggregations(VALUES, count));
    }

    /**
     * @param a the aggregate of {@link #documentCount(Map)}
     * @return the count
     */
    public static long documentCount(Aggregate a) {
        if (a == null) {
            return 0;
        }
        Aggregate count = a.isFilter() ? a.filter().aggregations().get(VALUES) : a;
        return count.cardinality().value();
    }

    private static Aggregation termsAggregation(String field, int size) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(size).shardSize(Math.max(size, 1000))
                .order(Map.of("_count", SortOrder.Desc), Map.of("_key", SortOrder.Asc))));
    }

    private static Query terms(String field, Collection<String> values) {
        List<FieldValue> v = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(x -> x.value(v))));
    }

    private static List<String> lower(Collection<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}

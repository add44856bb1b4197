package eu.urbanagenda.kb.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search: a query in Lucene syntax (default operator AND), filters, order, page and options. Build with
 * {@link #of(String)} or {@link #builder(String)}.
 *
 * @param query the query; empty or {@code *:*} matches every document
 * @param fields the fields a term without field name searches; empty means {@link KbFields#DEFAULT_FIELDS} (e.g.
 *            {@code List.of(KbFields.TEXT_UK)} searches Ukrainian text only)
 * @param languages language codes to keep (empty: all)
 * @param years publication years to keep (empty: all)
 * @param formats format ids to keep: text, html, pdf (empty: all)
 * @param folder keep documents under this folder, or {@code null}
 * @param groups named document groups (e.g. partnerships): group id → SHA-256 of its documents; counted as a facet
 * @param groupFilter group ids to keep: documents in any of these groups (empty: no group filter)
 * @param sort the order of hits
 * @param offset hits to skip
 * @param limit hits to return
 * @param snippets whether hits get a highlighted snippet
 * @param facets whether facet counts are computed
 */
public record SearchRequest(String query, List<String> fields, Set<String> languages, Set<Integer> years,
        Set<String> formats, Path folder, Map<String, Set<String>> groups, Set<String> groupFilter, SortOrder sort,
        int offset, int limit, boolean snippets, boolean facets) {

    /** The largest {@code offset + limit} served. */
    public static final int MAX_WINDOW = 10_000;

    /**
     * @param query a query
     * @return a request for the first 20 hits by relevance, with snippets and facets
     */
    public static SearchRequest of(String query) {
        return builder(query).build();
    }

    /**
     * @param query a query
     * @return a builder with defaults: all fields, no filter, relevance, first 20 hits, snippets and facets
     */
    public static Builder builder(String query) {
        return new Builder(query);
    }

    /** Builder of {@link SearchRequest}. */
    public static final class Builder {
        private final String query;
        private final List<String> fields = new ArrayList<>();
        private final Set<String> languages = new LinkedHashSet<>();
        private final Set<Integer> years = new LinkedHashSet<>();
        private final Set<String> formats = new LinkedHashSet<>();
        private Path folder;
        private final Map<String, Set<String>> groups = new LinkedHashMap<>();
        private final Set<String> groupFilter = new LinkedHashSet<>();
        private SortOrder sort = SortOrder.RELEVANCE;
        private int offset;
        private int limit = 20;
        private boolean snippets = true;
        private boolean facets = true;

        Builder(String query) {
            this.query = query == null ? "" : query;
        }

        /**
         * @param names the fields a term without field name searches (see {@link KbFields})
         * @return this
         */
        public Builder fields(Collection<String> names) {
            fields.addAll(names);
            return this;
        }

        /**
         * @param codes language codes to keep
         * @return this
         */
        public Builder languages(Collection<String> codes) {
            languages.addAll(codes);
            return this;
        }

        /**
         * @param values years to keep
         * @return this
         */
        public Builder years(Collection<Integer> values) {
            years.addAll(values);
            return this;
        }

        /**
         * @param ids format ids to keep (text, html, pdf)
         * @return this
         */
        public Builder formats(Collection<String> ids) {
            formats.addAll(ids);
            return this;
        }

        /**
         * @param path keep documents under this folder
         * @return this
         */
        public Builder folder(Path path) {
            this.folder = path;
            return this;
        }

        /**
         * @param id a group id
         * @param sha256s the SHA-256 of its documents (lower-case hex)
         * @return this
         */
        public Builder group(String id, Collection<String> sha256s) {
            groups.put(id, Set.copyOf(sha256s));
            return this;
        }

        /**
         * @param ids group ids to keep (documents in any of them)
         * @return this
         */
        public Builder groupFilter(Collection<String> ids) {
            groupFilter.addAll(ids);
            return this;
        }

        /**
         * @param order the order of hits
         * @return this
         */
        public Builder sort(SortOrder order) {
            this.sort = order;
            return this;
        }

        /**
         * @param first hits to skip
         * @param count hits to return
         * @return this
         */
        public Builder page(int first, int count) {
            this.offset = Math.max(0, first);
            this.limit = Math.max(0, count);
            return this;
        }

        /**
         * @param on whether hits get snippets
         * @return this
         */
        public Builder snippets(boolean on) {
            this.snippets = on;
            return this;
        }

        /**
         * @param on whether facets are counted
         * @return this
         */
        public Builder facets(boolean on) {
            this.facets = on;
            return this;
        }

        /** @return the request */
        public SearchRequest build() {
            return new SearchRequest(query, List.copyOf(fields), Set.copyOf(languages), Set.copyOf(years),
                    Set.copyOf(formats), folder, Map.copyOf(groups), Set.copyOf(groupFilter), sort, offset, limit,
                    snippets, facets);
        }
    }
}

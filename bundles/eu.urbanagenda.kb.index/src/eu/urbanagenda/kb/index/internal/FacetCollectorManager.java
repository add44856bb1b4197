package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import eu.urbanagenda.kb.index.FacetCount;
import eu.urbanagenda.kb.index.KbFields;

/**
 * Counts matching documents per value of the facet dimensions, straight from doc values: language, year and format
 * (sorted-set doc values of keyword fields), containing folder (sorted doc values) and named groups of SHA-256 values
 * (each group's hashes are looked up once per segment as ordinals).
 */
public final class FacetCollectorManager implements CollectorManager<FacetCollectorManager.Counter, Map<String, List<FacetCount>>> {

    /** Dimension names. */
    public static final String LANG = "lang";
    /** Year dimension. */
    public static final String YEAR = "year";
    /** Format dimension. */
    public static final String FORMAT = "format";
    /** Folder dimension. */
    public static final String FOLDER = "folder";
    /** Group dimension. */
    public static final String GROUP = "group";

    private static final int MAX_FOLDERS = 100;

    private final Set<String> dims;
    private final Map<String, Set<String>> groups;

    /**
     * @param dims the dimensions to count
     * @param groups group id → SHA-256 values
     */
    public FacetCollectorManager(Set<String> dims, Map<String, Set<String>> groups) {
        this.dims = dims;
        this.groups = groups;
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Map<String, List<FacetCount>> reduce(Collection<Counter> collectors) {
        Map<String, Map<String, Long>> merged = new HashMap<>();
        for (Counter c : collectors) {
            c.counts.forEach((dim, m) -> m.forEach((v, n) -> merged.computeIfAbsent(dim, k -> new HashMap<>())
                    .merge(v, n, Long::sum)));
        }
        groups.keySet().forEach(g -> merged.computeIfAbsent(GROUP, k -> new HashMap<>()).putIfAbsent(g, 0L));
        Map<String, List<FacetCount>> out = new HashMap<>();
        for (String dim : dims) {
            List<FacetCount> list = new ArrayList<>();
            merged.getOrDefault(dim, Map.of()).forEach((v, n) -> list.add(new FacetCount(v, n)));
            list.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            out.put(dim, dim.equals(FOLDER) && list.size() > MAX_FOLDERS ? List.copyOf(list.subList(0, MAX_FOLDERS))
                    : List.copyOf(list));
        }
        return out;
    }

    /** Counts for one search thread. */
    public final class Counter implements Collector {
        final Map<String, Map<String, Long>> counts = new HashMap<>();

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            return new Leaf(context);
        }

        /** Counts per segment by ordinal, resolved to strings when the segment is done. */
        private final class Leaf implements LeafCollector {
            private final List<Dim> keywordDims = new ArrayList<>();
            private final SortedDocValues folder;
            private final long[] folderCounts;
            private final SortedSetDocValues sha;
            private final SortedDocValues singleSha;
            private final List<String> groupIds = new ArrayList<>();
            private final List<FixedBitSet> groupOrds = new ArrayList<>();
            private final long[] groupCounts;

            Leaf(LeafReaderContext ctx) throws IOException {
                for (String[] d : new String[][] {{LANG, KbFields.LANG}, {YEAR, KbFields.YEAR},
                        {FORMAT, KbFields.FORMAT}}) {
                    if (dims.contains(d[0])) {
                        keywordDims.add(new Dim(d[0], DocValues.getSortedSet(ctx.reader(), d[1])));
                    }
                }
                folder = dims.contains(FOLDER) ? DocValues.getSorted(ctx.reader(), DocumentMapper.PARENT) : null;
                folderCounts = folder == null ? null : new long[folder.getValueCount()];
                if (dims.contains(GROUP) && !groups.isEmpty()) {
                    sha = DocValues.getSortedSet(ctx.reader(), KbFields.SHA256);
                    singleSha = DocValues.unwrapSingleton(sha);
                    for (Map.Entry<String, Set<String>> g : groups.entrySet()) {
                        FixedBitSet ords = new FixedBitSet((int) Math.max(1, sha.getValueCount()));
                        for (String h : g.getValue()) {
                            long ord = sha.lookupTerm(new BytesRef(h));
                            if (ord >= 0) {
                                ords.set((int) ord);
                            }
                        }
                        groupIds.add(g.getKey());
                        groupOrds.add(ords);
                    }
                } else {
                    sha = null;
                    singleSha = null;
                }
                groupCounts = new long[groupIds.size()];
            }

            @Override
            public void setScorer(Scorable scorer) {
                // no scores needed
            }

            @Override
            public void collect(int doc) throws IOException {
                for (int i = 0; i < keywordDims.size(); i++) {
                    keywordDims.get(i).count(doc);
                }
                if (folder != null && folder.advanceExact(doc)) {
                    folderCounts[folder.ordValue()]++;
                }
                if (sha != null) {
                    int ord = -1;
                    if (singleSha != null) {
                        ord = singleSha.advanceExact(doc) ? singleSha.ordValue() : -1;
                    } else if (sha.advanceExact(doc)) {
                        ord = (int) sha.nextOrd();
                    }
                    if (ord >= 0) {
                        for (int g = 0; g < groupOrds.size(); g++) {
                            if (groupOrds.get(g).get(ord)) {
                                groupCounts[g]++;
                            }
                        }
                    }
                }
            }

            @Override
            public void finish() throws IOException {
                for (Dim d : keywordDims) {
                    d.flush();
                }
                if (folder != null) {
                    Map<String, Long> m = counts.computeIfAbsent(FOLDER, k -> new HashMap<>());
                    for (int o = 0; o < folderCounts.length; o++) {
                        if (folderCounts[o] > 0) {
                            m.merge(folder.lookupOrd(o).utf8ToString(), folderCounts[o], Long::sum);
                        }
                    }
                }
                if (!groupIds.isEmpty()) {
                    Map<String, Long> m = counts.computeIfAbsent(GROUP, k -> new HashMap<>());
                    for (int g = 0; g < groupIds.size(); g++) {
                        m.merge(groupIds.get(g), groupCounts[g], Long::sum);
                    }
                }
            }
        }

        /** A keyword dimension in one segment: single-valued doc values are read without the multi-value loop. */
        private final class Dim {
            private final String name;
            private final SortedSetDocValues multi;
            private final SortedDocValues single;
            private final long[] c;

            Dim(String name, SortedSetDocValues dv) {
                this.name = name;
                this.multi = dv;
                this.single = DocValues.unwrapSingleton(dv);
                this.c = new long[(int) dv.getValueCount()];
            }

            void count(int doc) throws IOException {
                if (single != null) {
                    if (single.advanceExact(doc)) {
                        c[single.ordValue()]++;
                    }
                } else if (multi.advanceExact(doc)) {
                    for (int i = 0; i < multi.docValueCount(); i++) {
                        c[(int) multi.nextOrd()]++;
                    }
                }
            }

            void flush() throws IOException {
                Map<String, Long> m = counts.computeIfAbsent(name, k -> new HashMap<>());
                for (int o = 0; o < c.length; o++) {
                    if (c[o] > 0) {
                        m.merge(multi.lookupOrd(o).utf8ToString(), c[o], Long::sum);
                    }
                }
            }
        }
    }
}

package eu.urbanagenda.kb.index.internal;

import java.util.Collection;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts the documents among matching files: a file without copies counts one, the files of a group of copies count
 * one together (a bit per group, from the reader's {@link CopyGroups}).
 */
public final class DocumentCount implements CollectorManager<DocumentCount.Counter, Long> {

    private final CopyGroups groups;

    /**
     * @param groups the groups of copies of the reader searched
     */
    public DocumentCount(CopyGroups groups) {
        this.groups = groups;
    }

    /** The counter of one slice. */
    public static final class Counter implements Collector {
        private final CopyGroups groups;
        private final FixedBitSet seen;
        long singles;

        Counter(CopyGroups groups) {
            this.groups = groups;
            this.seen = new FixedBitSet(Math.max(1, groups.size()));
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            int base = context.docBase;
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // scores are not needed
                }

                @Override
                public void collect(int doc) {
                    int group = groups.ordinal(base + doc);
                    if (group < 0) {
                        singles++;
                    } else {
                        seen.set(group);
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public Counter newCollector() {
        return new Counter(groups);
    }

    @Override
    public Long reduce(Collection<Counter> counters) {
        long singles = 0;
        FixedBitSet all = new FixedBitSet(Math.max(1, groups.size()));
        for (Counter c : counters) {
            singles += c.singles;
            all.or(c.seen);
        }
        return singles + all.cardinality();
    }
}

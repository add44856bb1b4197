package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the documents among matching files: a file without copies counts one, the files of a group of copies count
 * one together. Only the files that have copies cost a set lookup.
 */
public final class DocumentCount implements CollectorManager<DocumentCount.Counter, Long> {

    /** The counter of one slice. */
    public static final class Counter implements Collector {
        long singles;
        final Set<Long> groups = new HashSet<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            NumericDocValues size = DocValues.getNumeric(context.reader(), DocumentMapper.GROUP_SIZE);
            NumericDocValues group = DocValues.getNumeric(context.reader(), DocumentMapper.GROUP);
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                    // scores are not needed
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (size.advanceExact(doc) && size.longValue() > 1 && group.advanceExact(doc)) {
                        groups.add(group.longValue());
                    } else {
                        singles++;
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
        return new Counter();
    }

    @Override
    public Long reduce(Collection<Counter> counters) {
        long singles = 0;
        Set<Long> groups = new HashSet<>();
        for (Counter c : counters) {
            singles += c.singles;
            groups.addAll(c.groups);
        }
        return singles + groups.size();
    }
}

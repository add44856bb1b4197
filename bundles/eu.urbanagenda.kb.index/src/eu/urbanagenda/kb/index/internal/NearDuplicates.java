package eu.urbanagenda.kb.index.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import eu.urbanagenda.kb.index.KbFields;

/**
 * One document, many files: groups the files of the index that hold the same text. Exact copies share a checksum;
 * near copies (a .docx and its PDF export, a page saved twice, the scan of a document's first page) share most word
 * shingles. Each file gets a MinHash signature of its word 3-shingles when indexed; after each indexing run the files
 * are grouped (exact copies, and each file with the larger file, the head of its group, that contains most of it:
 * see {@link #groups}), and each file's group id and group size are updated in place as doc values. Searches then
 * show a group once.
 */
public final class NearDuplicates {

    /** Hash functions of a signature. */
    public static final int K = 64;
    /**
     * The estimated containment (the share of the smaller file's shingles found in the other) from which two files are
     * copies of one document. Grouping on ../shared/formats is exact from 0.1 to 0.8 (FormatsBench); over
     * ../shared/corpus 0.5 also joined articles that only share a template (Wikipedia's year articles), 0.7 keeps the
     * same news item republished by several outlets and leaves those apart (docs/BENCHMARKS.md).
     */
    public static final double THRESHOLD = 0.7;
    /** The grouping rule as recorded with an index: files grouped by another are grouped again. */
    public static final String RULE = "heads, containment " + THRESHOLD;
    /** Candidate pairs share at least this many signature values. */
    static final int MIN_SHARED = 4;
    /** Signature values shared by more files than this are too common to find candidates with. */
    static final int MAX_BUCKET = 64;

    private static final long[] SEEDS = new long[K];

    static {
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < K; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = x;
        }
    }

    /**
     * A text's signature.
     *
     * @param minHashes the K minimum hashes of its shingles (as ints)
     * @param shingles how many distinct shingles it has
     */
    public record Signature(int[] minHashes, int shingles) {
        /** @return the signature as bytes for a binary doc value */
        public BytesRef bytes() {
            ByteBuffer b = ByteBuffer.allocate(K * 4);
            for (int h : minHashes) {
                b.putInt(h);
            }
            return new BytesRef(b.array());
        }

        /**
         * @param bytes a signature as {@link #bytes()} wrote it
         * @return its minimum hashes
         */
        public static int[] read(byte[] bytes) {
            return read(new BytesRef(bytes));
        }

        static int[] read(BytesRef ref) {
            ByteBuffer b = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length);
            int[] h = new int[K];
            for (int i = 0; i < K && b.remaining() >= 4; i++) {
                h[i] = b.getInt();
            }
            return h;
        }
    }

    private NearDuplicates() {
    }

    /**
     * @param text a text
     * @return the MinHash signature of its word 3-shingles (words: runs of letters and digits, lower case)
     */
    public static Signature signature(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            } else if (c != '\u00AD' && c != '\u0301' && w.length() > 0) {
                words.add(w.toString().toLowerCase(Locale.ROOT));
                w.setLength(0);
            }
        }
        int[] min = new int[K];
        Arrays.fill(min, Integer.MAX_VALUE);
        java.util.HashSet<Long> seen = new java.util.HashSet<>();
        int n = words.size() < 3 ? words.size() : words.size() - 2;
        for (int i = 0; i < n; i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < Math.min(words.size(), i + 3); j++) {
                h = fnv(h, words.get(j));
            }
            if (!seen.add(h)) {
                continue;
            }
            for (int k = 0; k < K; k++) {
                int v = (int) (mix(h ^ SEEDS[k]) >>> 33);
                if (v < min[k]) {
                    min[k] = v;
                }
            }
        }
        return new Signature(min, seen.size());
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= ' ';
        return h * 0x100000001b3L;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * @param a a signature
     * @param na its shingle count
     * @param b another
     * @param nb its shingle count
     * @return the estimated share of the smaller set's shingles that the other has
     */
    public static double containment(int[] a, int na, int[] b, int nb) {
        if (na == 0 || nb == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < K; i++) {
            if (a[i] == b[i] && a[i] != Integer.MAX_VALUE) {
                same++;
            }
        }
        double j = (double) same / K;
        double intersection = j / (1 + j) * (na + nb);
        return Math.min(1, intersection / Math.min(na, nb));
    }

    /** @return the group id of a file that has no copies: from its path */
    public static long soloGroup(String path) {
        long h = 0xcbf29ce484222325L;
        return mix(fnv(h, path));
    }

    /**
     * Groups every file of the index and updates the group doc values that changed.
     *
     * @param writer the index writer (its uncommitted documents included)
     * @return how many files belong to a group of two or more
     * @throws IOException on index errors
     */
    public static int regroup(IndexWriter writer) throws IOException {
        List<String> paths = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        List<int[]> sigs = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<long[]> current = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext ctx : reader.leaves()) {
                SortedSetDocValues path = DocValues.getSortedSet(ctx.reader(), KbFields.PATH);
                SortedSetDocValues sha = DocValues.getSortedSet(ctx.reader(), KbFields.SHA256);
                BinaryDocValues sig = DocValues.getBinary(ctx.reader(), DocumentMapper.SIGNATURE);
                NumericDocValues shingles = DocValues.getNumeric(ctx.reader(), DocumentMapper.SHINGLES);
                NumericDocValues group = DocValues.getNumeric(ctx.reader(), DocumentMapper.GROUP);
                NumericDocValues size = DocValues.getNumeric(ctx.reader(), DocumentMapper.GROUP_SIZE);
                Bits live = ctx.reader().getLiveDocs();
                for (int d = 0; d < ctx.reader().maxDoc(); d++) {
                    if (live != null && !live.get(d) || !path.advanceExact(d)) {
                        continue;
                    }
                    paths.add(path.lookupOrd(path.nextOrd()).utf8ToString());
                    shas.add(sha.advanceExact(d) ? sha.lookupOrd(sha.nextOrd()).utf8ToString() : "");
                    sigs.add(sig.advanceExact(d) ? Signature.read(sig.binaryValue()) : null);
                    counts.add(shingles.advanceExact(d) ? (int) shingles.longValue() : 0);
                    current.add(new long[] {group.advanceExact(d) ? group.longValue() : 0,
                            size.advanceExact(d) ? size.longValue() : 0});
                }
            }
        }
        long[][] groups = groups(paths, shas, sigs, counts);
        int grouped = 0;
        for (int i = 0; i < paths.size(); i++) {
            long[] g = groups[i];
            if (g[1] > 1) {
                grouped++;
            }
            long[] now = current.get(i);
            if (now[0] != g[0] || now[1] != g[1]) {
                Term t = new Term(KbFields.PATH, paths.get(i));
                writer.updateDocValues(t, new org.apache.lucene.document.NumericDocValuesField(DocumentMapper.GROUP, g[0]),
                        new org.apache.lucene.document.NumericDocValuesField(DocumentMapper.GROUP_SIZE, g[1]));
            }
        }
        return grouped;
    }

    /**
     * Groups files: exact copies (same checksum) are one group; then, taking the files from the largest (most
     * shingles) to the smallest, a file joins the group whose head (a larger file) contains most of it (a candidate
     * sharing signature values, estimated containment at least {@link #THRESHOLD}), or heads a group of its own. A
     * file that joined a group never draws others into it: copies are copies of the group's head, not of each other,
     * so that texts which each share a part with the next (a quote, a template, a paragraph) do not chain into one
     * group of thousands. Every engine groups with this.
     *
     * @param paths the files' paths
     * @param shas their checksums
     * @param sigs their signatures ({@code null} where a file has none)
     * @param counts their shingle counts
     * @return per file, in the same order, its group id (the smallest {@link #soloGroup} of the group's files) and the
     *         group's size
     */
    public static long[][] groups(List<String> paths, List<String> shas, List<int[]> sigs, List<Integer> counts) {
        return groups(paths, shas, sigs, counts, THRESHOLD);
    }

    /**
     * {@link #groups(List, List, List, List)} at another threshold (for benchmarks that choose it).
     *
     * @param paths the files' paths
     * @param shas their checksums
     * @param sigs their signatures ({@code null} where a file has none)
     * @param counts their shingle counts
     * @param threshold the estimated containment from which a file is a copy of a group's head
     * @return per file its group id and the group's size
     */
    public static long[][] groups(List<String> paths, List<String> shas, List<int[]> sigs, List<Integer> counts,
            double threshold) {
        int n = paths.size();
        Map<Integer, List<Integer>> partners = new HashMap<>();
        for (long pair : candidates(sigs)) {
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            partners.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
            partners.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> counts.get(a).equals(counts.get(b)) ? Integer.compare(a, b)
                : Integer.compare(counts.get(b), counts.get(a)));
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            position[order[i]] = i;
        }
        int[] head = new int[n];
        Map<String, Integer> bySha = new HashMap<>();
        for (int f : order) {
            Integer same = bySha.putIfAbsent(shas.get(f), f);
            if (same != null) {
                head[f] = head[same];
                continue;
            }
            int chosen = f;
            double most = 0;
            for (int other : partners.getOrDefault(f, List.of())) {
                if (position[other] < position[f] && head[other] == other) {
                    double c = containment(sigs.get(f), counts.get(f), sigs.get(other), counts.get(other));
                    if (c >= threshold && (c > most || c == most && position[other] < position[chosen])) {
                        chosen = other;
                        most = c;
                    }
                }
            }
            head[f] = chosen;
        }
        Map<Integer, long[]> groups = new HashMap<>(); // head → {id, size}
        for (int i = 0; i < n; i++) {
            long key = soloGroup(paths.get(i));
            groups.merge(head[i], new long[] {key, 1}, (x, y) -> new long[] {Math.min(x[0], y[0]), x[1] + y[1]});
        }
        long[][] out = new long[n][];
        for (int i = 0; i < n; i++) {
            out[i] = groups.get(head[i]).clone();
        }
        return out;
    }

    /**
     * The group a new file belongs to, as files come: looked up among the files added so far by the same rules as
     * {@link #groups} (same checksum, or shared signature values and containment), so that an engine which cannot
     * change a document in place (OpenSearch rewrites it, and the rewritten copy counts in the term statistics until
     * it is merged away) can give most files their group when it writes them. {@link #groups} still decides: it sees
     * all files at once. Not thread-safe.
     */
    public static final class Finder {
        private final Map<String, Long> bySha = new HashMap<>();
        private final Map<Long, List<Integer>> buckets = new HashMap<>();
        private final List<int[]> signatures = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();
        private final List<Long> groupOf = new ArrayList<>();
        private final Map<Long, Integer> members = new HashMap<>();

        /**
         * @param sha256 a file's checksum
         * @param signature its signature, or {@code null}
         * @param shingles its shingle count
         * @return the group of the biggest group of its copies among the files added, or 0 if it has none
         */
        public long find(String sha256, int[] signature, int shingles) {
            Long same = bySha.get(sha256);
            if (same != null) {
                return same;
            }
            if (signature == null) {
                return 0;
            }
            Map<Integer, Integer> shared = new HashMap<>();
            for (int k = 0; k < K; k++) {
                List<Integer> b = signature[k] == Integer.MAX_VALUE ? null : buckets.get(key(k, signature[k]));
                if (b != null && b.size() < MAX_BUCKET) {
                    for (int file : b) {
                        shared.merge(file, 1, Integer::sum);
                    }
                }
            }
            long best = 0;
            int bestSize = 0;
            for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
                int i = e.getKey();
                if (e.getValue() >= MIN_SHARED
                        && containment(signature, shingles, signatures.get(i), counts.get(i)) >= THRESHOLD) {
                    long g = groupOf.get(i);
                    int size = members.getOrDefault(g, 0);
                    if (size > bestSize || size == bestSize && g < best) {
                        best = g;
                        bestSize = size;
                    }
                }
            }
            return best;
        }

        /**
         * @param sha256 a file's checksum
         * @param signature its signature, or {@code null}
         * @param shingles its shingle count
         * @param group its group
         */
        public void add(String sha256, int[] signature, int shingles, long group) {
            int i = signatures.size();
            signatures.add(signature);
            counts.add(shingles);
            groupOf.add(group);
            members.merge(group, 1, Integer::sum);
            bySha.putIfAbsent(sha256, group);
            if (signature != null) {
                for (int k = 0; k < K; k++) {
                    if (signature[k] != Integer.MAX_VALUE) {
                        buckets.computeIfAbsent(key(k, signature[k]), x -> new ArrayList<>(1)).add(i);
                    }
                }
            }
        }

        private static long key(int k, int value) {
            return ((long) k << 32) | (value & 0xFFFFFFFFL);
        }
    }

    /**
     * Groups the files with {@link #groups} but keeps the ids the files carry where it can: from the largest group to
     * the smallest, each takes the id most of its files have that no group has taken (the smallest among equals), so
     * that only files whose group really changed get a new id, and no two groups share one.
     *
     * @param paths the files' paths
     * @param shas their checksums
     * @param sigs their signatures ({@code null} where a file has none)
     * @param counts their shingle counts
     * @param current the group id each file carries
     * @return per file its group id and the group's size
     */
    public static long[][] stableGroups(List<String> paths, List<String> shas, List<int[]> sigs, List<Integer> counts,
            List<Long> current) {
        long[][] groups = groups(paths, shas, sigs, counts);
        Map<Long, Map<Long, Integer>> votes = new HashMap<>(); // computed group → carried id → files
        for (int i = 0; i < groups.length; i++) {
            votes.computeIfAbsent(groups[i][0], g -> new HashMap<>()).merge(current.get(i), 1, Integer::sum);
        }
        // larger groups choose first; each takes the id most of its files carry that no other group has taken, else
        // its computed id, else a new one: two groups never share an id (a group split from one whose id equals the
        // computed id of the other would otherwise merge them again)
        List<Long> order = new ArrayList<>(votes.keySet());
        order.sort((a, b) -> {
            int sizes = Integer.compare(total(votes.get(b)), total(votes.get(a)));
            return sizes != 0 ? sizes : Long.compare(a, b);
        });
        Map<Long, Long> chosen = new HashMap<>();
        Set<Long> taken = new HashSet<>();
        for (long computed : order) {
            long best = 0;
            int most = 0;
            for (Map.Entry<Long, Integer> v : votes.get(computed).entrySet()) {
                if (!taken.contains(v.getKey())
                        && (v.getValue() > most || v.getValue() == most && v.getKey() < best)) {
                    best = v.getKey();
                    most = v.getValue();
                }
            }
            long id = most > 0 ? best : computed;
            while (!taken.add(id)) {
                id = mix(id + 1);
            }
            chosen.put(computed, id);
        }
        long[][] out = new long[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            out[i] = new long[] {chosen.get(groups[i][0]), groups[i][1]};
        }
        return out;
    }

    private static int total(Map<Long, Integer> votes) {
        int n = 0;
        for (int v : votes.values()) {
            n += v;
        }
        return n;
    }

    /**
     * The pairs of files worth comparing: those whose signatures share at least {@link #MIN_SHARED} values (values
     * shared by more than {@link #MAX_BUCKET} files are too common to tell anything and left out).
     *
     * @param sigs the signatures' hashes, {@code null} for a file without one
     * @return the pairs, each as {@code (long) a << 32 | b} with {@code a < b} indexes into {@code sigs}
     */
    public static List<Long> candidates(List<int[]> sigs) {
        int n = sigs.size();
        if (n >= 1 << DOC_BITS || (long) n * K > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many files to group: " + n);
        }
        // every (hash function, value, file) as one long, sorted: the files of a bucket are one run (no boxed maps,
        // which cost minutes at 100,000 files)
        long[] entries = new long[n * K];
        int e = 0;
        for (int i = 0; i < n; i++) {
            int[] s = sigs.get(i);
            if (s == null) {
                continue;
            }
            for (int k = 0; k < K; k++) {
                if (s[k] != Integer.MAX_VALUE) {
                    entries[e++] = (long) k << 58 | (s[k] & 0xFFFFFFFFL) << DOC_BITS | i;
                }
            }
        }
        Arrays.sort(entries, 0, e);
        // the buckets worth using, and for each file the buckets it is in
        List<int[]> buckets = new ArrayList<>();
        int[] bucketsPerFile = new int[n + 1];
        for (int from = 0, to; from < e; from = to) {
            long key = entries[from] >>> DOC_BITS;
            to = from + 1;
            while (to < e && entries[to] >>> DOC_BITS == key) {
                to++;
            }
            if (to - from >= 2 && to - from <= MAX_BUCKET) {
                int[] files = new int[to - from];
                for (int j = from; j < to; j++) {
                    files[j - from] = (int) (entries[j] & DOC_MASK);
                    bucketsPerFile[files[j - from] + 1]++;
                }
                buckets.add(files);
            }
        }
        for (int i = 0; i < n; i++) {
            bucketsPerFile[i + 1] += bucketsPerFile[i];
        }
        int[] bucketOf = new int[bucketsPerFile[n]];
        int[] next = Arrays.copyOf(bucketsPerFile, n);
        for (int b = 0; b < buckets.size(); b++) {
            for (int file : buckets.get(b)) {
                bucketOf[next[file]++] = b;
            }
        }
        // for each file, how many buckets it shares with each later file
        List<Long> pairs = new ArrayList<>();
        int[] shared = new int[n];
        int[] touched = new int[n];
        for (int i = 0; i < n; i++) {
            int t = 0;
            for (int x = bucketsPerFile[i]; x < bucketsPerFile[i + 1]; x++) {
                for (int j : buckets.get(bucketOf[x])) {
                    if (j > i && shared[j]++ == 0) {
                        touched[t++] = j;
                    }
                }
            }
            for (int x = 0; x < t; x++) {
                int j = touched[x];
                if (shared[j] >= MIN_SHARED) {
                    pairs.add((long) i << 32 | j);
                }
                shared[j] = 0;
            }
        }
        return pairs;
    }

    /** Bits of a file's index in a packed bucket entry of {@link #candidates}. */
    private static final int DOC_BITS = 26;
    private static final long DOC_MASK = (1L << DOC_BITS) - 1;
}

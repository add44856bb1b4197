package eu.urbanagenda.kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.analysis.KbAnalyzers;
import eu.urbanagenda.kb.index.internal.DocumentMapper;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.EncodingSource;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Language;

/**
 * Benchmark of the search core (not a test): indexing throughput of the full pipeline against raw Lucene with the
 * same analyzers and against StandardAnalyzer, query latency over a fixed query set, the same queries with
 * {@code rg -i}, heap and index size. Runs on ../shared/corpus and on a corpus of N documents made by sampling its
 * paragraphs (generated under the work directory, never committed). Run it with {@code bench.sh}.
 */
public final class SearchBench {

    /** A benchmark query and the ripgrep pattern that looks for the same thing in the raw text. */
    record Q(String query, String rg) {
    }

    static final List<Q> QUERIES = List.of(new Q("громадами", "громадами"), new Q("громада", "громада"),
            new Q("цифрова трансформація", "цифрова"), new Q("\"цифрова трансформація\"", "цифрова трансформація"),
            new Q("градът", "градът"), new Q("\"дигитален преход\"", "дигитален преход"),
            new Q("правителството AND Брюксел", "правителството"), new Q("hromada", "hromada"),
            new Q("tsyfrova transformatsiia", "tsyfrova"), new Q("sofiya", "sofiya"),
            new Q("громад*", "громад\\w*"), new Q("трансформаціі~1", "трансформаці"),
            new Q("(Київ OR Львів) AND громада", "Київ|Львів"), new Q("Європейський NOT союз", "Європейськ"),
            new Q("bg:правителството", "правителството"), new Q("uk:вибори", "вибори"),
            new Q("title:Brexit", "Brexit"), new Q("вакцина AND (COVID OR коронавірус)", "вакцин"),
            new Q("\"Северен поток\"", "Северен поток"), new Q("президент* AND вибор*", "президент"),
            new Q("м’ясо OR мʼясо", "м.ясо"), new Q("Тръмп OR Байдън", "Тръмп|Байдън"));

    private final Path corpus;
    private final Path work;
    private final int docs;
    private final int threads;
    private final int rounds;
    private final StringBuilder report = new StringBuilder();

    SearchBench(BenchOptions options) {
        this.corpus = options.corpus();
        this.work = options.work();
        this.docs = options.docs();
        this.threads = options.threads();
        this.rounds = options.rounds();
    }

    public static void main(String[] args) throws Exception {
        new SearchBench(BenchOptions.parse(args, List.of())).run();
    }

    void run() throws Exception {
        Files.createDirectories(work);
        line("# Search core benchmark, " + Instant.now());
        line("");
        line("Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, " + threads
                + " indexing threads, " + rounds + " query rounds.");
        warmUp();
        List<Path> small = files(List.of(corpus.resolve("uk"), corpus.resolve("bg")));
        bench("../shared/corpus", List.of(corpus.resolve("uk"), corpus.resolve("bg")), small);
        if (docs > 0) {
            Path big = work.resolve("corpus-" + docs);
            generate(big);
            bench("sampled corpus of " + docs + " documents", List.of(big), files(List.of(big)));
        }
        Files.writeString(work.resolve("results.md"), report);
        System.out.println("\nWritten to " + work.resolve("results.md"));
    }

    private void line(String s) {
        System.out.println(s);
        report.append(s).append('\n');
    }

    static List<Path> files(List<Path> roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            try (Stream<Path> s = Files.walk(r)) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                        .forEach(out::add);
            }
        }
        return out;
    }

    static long bytes(List<Path> files) {
        return files.stream().mapToLong(p -> {
            try {
                return Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }

    /** JIT warm-up: index a few hundred corpus documents both ways into throw-away indexes. */
    private void warmUp() throws Exception {
        List<Path> some = new ArrayList<>();
        for (String lang : List.of("uk", "bg")) {
            try (Stream<Path> s = Files.list(corpus.resolve(lang))) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(300).forEach(some::add);
            }
        }
        Path w = Files.createDirectories(work.resolve("warmup"));
        clean(w.resolve("raw"));
        clean(w.resolve("kb"));
        rawLucene(some, w.resolve("raw"));
        try (KbIndex index = KbIndex.open(w.resolve("kb"))) {
            index.update(UpdateRequest.builder().sources(some).threads(threads).build(), null);
            for (int i = 0; i < 3; i++) {
                for (Q q : QUERIES) {
                    index.search(SearchRequest.builder(q.query()).page(0, 10).build());
                }
            }
        }
    }

    private void bench(String name, List<Path> roots, List<Path> files) throws Exception {
        long total = bytes(files);
        line("");
        line("## " + name);
        line("");
        line(String.format(Locale.ROOT, "%,d files, %.1f MB (%s)", files.size(), total / 1e6,
                roots.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("")));
        line("");
        line("| indexing (" + threads + " threads) | seconds | MB/s | docs/s | peak heap MiB | index MB |");
        line("|---|---|---|---|---|---|");
        String tag = name.startsWith("..") ? "corpus" : "sampled";
        Path rawDir = work.resolve(tag + "-raw");
        Path kbDir = work.resolve(tag + "-kb");
        Path stdDir = work.resolve(tag + "-standard");
        clean(rawDir);
        clean(kbDir);
        clean(stdDir);

        resetPeaks();
        long t0 = System.nanoTime();
        rawLucene(files, rawDir);
        double raw = seconds(t0);
        row("raw Lucene, same analyzers and fields", raw, total, files.size(), rawDir);

        resetPeaks();
        t0 = System.nanoTime();
        UpdateReport r;
        SearchResult everything;
        try (KbIndex index = KbIndex.open(kbDir)) {
            r = index.update(UpdateRequest.builder().sources(roots).threads(threads).build(), null);
            // copies of one document are one hit: how many hits the files make
            everything = index.search(SearchRequest.builder("").page(0, 1).snippets(false).facets(false).build());
        }
        double pipeline = seconds(t0);
        row("full pipeline (KbIndex.update)", pipeline, total, files.size(), kbDir);

        resetPeaks();
        t0 = System.nanoTime();
        standard(files, stdDir);
        double std = seconds(t0);
        row("raw Lucene, StandardAnalyzer, one text field", std, total, files.size(), stdDir);
        line("");
        line(String.format(Locale.ROOT, "Pipeline / raw Lucene (same analyzers): **%.2f ×** throughput; pipeline / "
                + "StandardAnalyzer: %.2f ×. Pipeline report: %s; %,d files shown as %,d documents (copies grouped). "
                + "Load average after indexing: %s.", raw / pipeline, std / pipeline, r.summary(),
                everything.totalHits(), everything.totalDocuments(), load()));
        queries(kbDir, roots);
    }

    private void row(String what, double seconds, long bytes, int n, Path dir) throws IOException {
        line(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.0f | %d | %.0f |", what, seconds,
                bytes / 1e6 / seconds, n / seconds, peakHeap() >> 20, size(dir) / 1e6));
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Raw Lucene with the same analyzers and fields: files read as UTF-8, language from the folder name. */
    private void rawLucene(List<Path> files, Path dir) throws Exception {
        try (FSDirectory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, config(KbFields.analyzer()))) {
            parallel(files, p -> {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                Language lang = p.toString().contains("/bg/") ? Language.BG : Language.UK;
                int nl = text.indexOf('\n');
                String title = nl < 0 ? text : text.substring(0, nl);
                ExtractedDocument doc = new ExtractedDocument(p, DocumentFormat.TEXT, "UTF-8", EncodingSource.UTF8,
                        lang, title, null, null, text.length(), 0L, "-", text);
                w.addDocument(DocumentMapper.toDocument(doc, null));
            });
            w.commit();
        }
    }

    /** Raw Lucene with StandardAnalyzer and one unstored text field. */
    private void standard(List<Path> files, Path dir) throws Exception {
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, config(new StandardAnalyzer()))) {
            parallel(files, p -> {
                Document doc = new Document();
                doc.add(new StringField("path", p.toString(), Field.Store.YES));
                doc.add(new TextField("text", Files.readString(p, StandardCharsets.UTF_8), Field.Store.NO));
                w.addDocument(doc);
            });
            w.commit();
        }
    }

    private static IndexWriterConfig config(Analyzer a) {
        IndexWriterConfig c = new IndexWriterConfig(a);
        c.setRAMBufferSizeMB(64);
        return c;
    }

    interface FileTask {
        void run(Path p) throws Exception;
    }

    private void parallel(List<Path> files, FileTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            int chunk = Math.max(1, files.size() / (threads * 8));
            for (int i = 0; i < files.size(); i += chunk) {
                List<Path> part = files.subList(i, Math.min(files.size(), i + chunk));
                fs.add(pool.submit(() -> {
                    for (Path p : part) {
                        task.run(p);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private void queries(Path kbDir, List<Path> roots) throws Exception {
        long[][] full = new long[QUERIES.size()][rounds];
        long[][] bare = new long[QUERIES.size()][rounds];
        long[][] fullCpu = new long[QUERIES.size()][rounds];
        long[][] bareCpu = new long[QUERIES.size()][rounds];
        java.lang.management.ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
        long[] hits = new long[QUERIES.size()];
        try (KbIndex index = KbIndex.open(kbDir)) {
            for (int warm = 0; warm < 10; warm++) {
                for (Q q : QUERIES) {
                    index.search(SearchRequest.builder(q.query()).page(0, 10).build());
                    index.search(SearchRequest.builder(q.query()).page(0, 10).snippets(false).facets(false).build());
                }
            }
            System.gc();
            resetPeaks();
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < QUERIES.size(); i++) {
                    long c = threadsBean.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    SearchResult res = index.search(SearchRequest.builder(QUERIES.get(i).query()).page(0, 10).build());
                    full[i][r] = System.nanoTime() - t;
                    fullCpu[i][r] = threadsBean.getCurrentThreadCpuTime() - c;
                    hits[i] = res.totalHits();
                    c = threadsBean.getCurrentThreadCpuTime();
                    t = System.nanoTime();
                    index.search(SearchRequest.builder(QUERIES.get(i).query()).page(0, 10).snippets(false)
                            .facets(false).build());
                    bare[i][r] = System.nanoTime() - t;
                    bareCpu[i][r] = threadsBean.getCurrentThreadCpuTime() - c;
                }
            }
            long peak = peakHeap();
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            line("");
            line(String.format(Locale.ROOT, "Queries (%d queries × %d rounds, warm, 10 hits): full request "
                    + "(snippets + 5 facets) p50 **%.2f ms**, p99 **%.2f ms**; bare (no snippets, no facets) p50 "
                    + "%.2f ms, p99 %.2f ms. Heap while searching: peak %d MiB, %d MiB after GC. Load average: %s.",
                    QUERIES.size(), rounds, pct(full, 50), pct(full, 99), pct(bare, 50), pct(bare, 99), peak >> 20,
                    used >> 20, load()));
            line(String.format(Locale.ROOT, "CPU time of the searching thread (less sensitive to other processes on the "
                    + "machine): full p50 %.2f ms, p99 %.2f ms; bare p50 %.2f ms, p99 %.2f ms.", pct(fullCpu, 50),
                    pct(fullCpu, 99), pct(bareCpu, 50), pct(bareCpu, 99)));
        }
        boolean haveRg = rgAvailable();
        line("");
        line("| query | hits | p50 ms full | p50 ms bare | rg -i pattern | rg ms | rg / full |");
        line("|---|---|---|---|---|---|---|");
        double rgTotal = 0;
        double idxTotal = 0;
        for (int i = 0; i < QUERIES.size(); i++) {
            Q q = QUERIES.get(i);
            double f = median(full[i]);
            double b = median(bare[i]);
            double rg = haveRg ? rg(q.rg(), roots) : Double.NaN;
            rgTotal += rg;
            idxTotal += f;
            line(String.format(Locale.ROOT, "| `%s` | %d | %.2f | %.2f | `%s` | %.0f | %.0f × |", q.query().replace("|", "\\|"),
                    hits[i], f, b, q.rg().replace("|", "\\|"), rg, rg / f));
        }
        line("");
        line(String.format(Locale.ROOT, "rg -i over the same files: %.0f ms per query on average, %.0f × the index's "
                + "full request (sum of medians).", rgTotal / QUERIES.size(), rgTotal / idxTotal));
    }

    /** The 1, 5 and 15 minute load averages: other processes share the machine. */
    static String load() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return l[0] + " " + l[1] + " " + l[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double pct(long[][] samples, int p) {
        long[] all = Arrays.stream(samples).flatMapToLong(Arrays::stream).sorted().toArray();
        int k = (int) Math.ceil(p / 100.0 * all.length) - 1;
        return all[Math.max(0, k)] / 1e6;
    }

    static double median(long[] s) {
        long[] c = s.clone();
        Arrays.sort(c);
        return c[c.length / 2] / 1e6;
    }

    private static boolean rgAvailable() {
        try {
            return new ProcessBuilder("rg", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Median of 3 warm runs of {@code rg -i -l PATTERN ROOTS...}, in milliseconds. */
    private double rg(String pattern, List<Path> roots) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("rg", "-i", "-l", "-j", Integer.toString(threads), "-e", pattern));
        roots.forEach(r -> cmd.add(r.toString()));
        long[] t = new long[4];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            t[i] = System.nanoTime() - s;
        }
        return median(Arrays.copyOfRange(t, 1, t.length));
    }

    /** Resets the peak usage of the heap's memory pools. */
    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** @return the heap used at most since {@link #resetPeaks()} (sum of the pools' peaks) */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Generates the sampled corpus: each document is a title paragraph and 3 to 8 paragraphs of one language drawn
     * at random (fixed seed) from the corpus paragraphs of at least 40 characters, the languages in the corpus's
     * proportion; 1,000 files per folder.
     */
    void generate(Path out) throws IOException {
        Path done = out.resolve(".complete");
        if (Files.exists(done)) {
            return;
        }
        clean(out);
        List<String> uk = paragraphs(corpus.resolve("uk"));
        List<String> bg = paragraphs(corpus.resolve("bg"));
        double ukShare = 2620.0 / 3619.0;
        Random random = new Random(20260101L);
        long t0 = System.nanoTime();
        for (int i = 0; i < docs; i++) {
            boolean isUk = random.nextDouble() < ukShare;
            List<String> pool = isUk ? uk : bg;
            StringBuilder b = new StringBuilder();
            String title = pool.get(random.nextInt(pool.size()));
            b.append(title, 0, Math.min(title.length(), 120)).append("\n\n");
            int n = 3 + random.nextInt(6);
            for (int k = 0; k < n; k++) {
                b.append(pool.get(random.nextInt(pool.size()))).append("\n\n");
            }
            Path f = out.resolve(isUk ? "uk" : "bg").resolve(String.format("%03d", i / 1000))
                    .resolve(String.format("doc-%06d.txt", i));
            Files.createDirectories(f.getParent());
            Files.writeString(f, b, StandardCharsets.UTF_8);
        }
        Files.writeString(done, Duration.ofNanos(System.nanoTime() - t0).toString());
    }

    private static List<String> paragraphs(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                for (String para : Files.readString(p).split("\n")) {
                    String t = para.strip();
                    if (t.length() >= 40) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }
}

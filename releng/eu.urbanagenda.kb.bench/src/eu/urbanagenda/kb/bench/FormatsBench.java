package eu.urbanagenda.kb.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.index.internal.NearDuplicates;
import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.ExtractionSettings;
import eu.urbanagenda.kb.ingest.tests.SharedFormats;

/**
 * Benchmark of document formats on ../shared/formats (not a test), with the product's jars and the real Tesseract:
 * <ol>
 * <li>every file read alone, one after the other (after a warm-up): the word-level F1 of each format against the
 * corpus text it was made from; for the scans, the word recall (and precision) against the text layer of page 1 of
 * the document's PDF, which is what the scan shows; seconds per file, per OCR page;</li>
 * <li>the grouping of the files into documents at several containment thresholds (pairwise precision and recall
 * against MANIFEST.tsv), from the same MinHash signatures and candidate rule as the index;</li>
 * <li>the whole folder indexed with 2 threads (an empty OCR cache), the index's grouping, and a known-item search of a
 * word of each document's first page found in no other document, which must show one hit with all eight files.</li>
 * </ol>
 * Run with {@code formats-bench.sh}; {@code --only FORMAT,...} reads only those formats (no index).
 */
public final class FormatsBench {

    private static final double[] THRESHOLDS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    /** A line of MANIFEST.tsv. */
    record Row(Path file, String format, String name) {
        String lang() {
            return name.substring(0, 2);
        }
    }

    /** One file read: wall seconds, CPU seconds (this JVM and its Tesseract processes), the score. */
    record Read(Row row, double seconds, double cpu, double score, double precision, Double ocr, String text,
            String sha) {
    }

    /** CPU seconds of this JVM and of the child processes it has waited for (Tesseract), from /proc. */
    static double cpuSeconds() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        try {
            String stat; // (Files.readString trusts the size /proc reports, 0, and reads too little)
            try (var in = Files.newInputStream(Path.of("/proc/self/stat"))) {
                stat = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            }
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return jvm + (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0; // cutime, cstime in ticks
        } catch (Exception e) {
            return jvm;
        }
    }

    public static void main(String[] args) throws Exception {
        Path formats = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Path.of(args[1]).toAbsolutePath().normalize();
        Set<String> only = new HashSet<>();
        boolean corpusOnly = false;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--only")) {
                only.addAll(Arrays.asList(args[++i].split(",")));
            } else if (args[i].equals("--corpus-pairs")) {
                corpusOnly = true;
            }
        }
        System.setProperty("kb.shared", formats.getParent().toString());
        if (corpusOnly) {
            corpusPairs(formats.resolveSibling("corpus"));
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(formats.resolve("MANIFEST.tsv"))) {
            String[] c = line.split("\t");
            if (c.length == 3 && !c[0].equals("file") && (only.isEmpty() || only.contains(c[1]))) {
                rows.add(new Row(formats.resolve(c[0]), c[1], c[2].replace(".txt", "")));
            }
        }
        List<Read> reads = readEach(rows, work);
        if (!only.isEmpty()) {
            return;
        }
        grouping(reads);
        corpusPairs(formats.resolveSibling("corpus"));
        indexTheFolder(formats, work, rows);
    }

    // ------------------------------------------------------------------------------------------------ 1. each file

    private static List<Read> readEach(List<Row> rows, Path work) throws Exception {
        DocumentExtractor extractor = new DocumentExtractor(ExtractionSettings.builder()
                .ocrCache(work.resolve("ocr-cache-" + System.nanoTime())).build());
        // warm-up: Tika, POI, PDFBox and the language detector load; the JIT compiles (not measured)
        long cold = System.nanoTime();
        int warm = 0;
        for (Row r : rows) {
            if (!r.format().startsWith("scan") && warm < 12) {
                extractor.extract(r.file());
                warm++;
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: %d files in %.1f s (first loads of the parsers included)%n%n", warm,
                (System.nanoTime() - cold) / 1e9);
        List<Read> reads = new ArrayList<>();
        for (Row r : rows) {
            long t0 = System.nanoTime();
            double cpu0 = cpuSeconds();
            ExtractedDocument d;
            try {
                d = extractor.extract(r.file());
            } catch (Exception e) {
                System.out.println("FAILED " + r.file() + ": " + e.getMessage());
                reads.add(new Read(r, 0, 0, 0, 0, null, "", ""));
                continue;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = cpuSeconds() - cpu0;
            double score;
            double precision;
            if (r.format().startsWith("scan")) {
                List<String> page = SharedFormats.words(SharedFormats.firstPage(r.name()));
                score = SharedFormats.recall(d.text(), page);
                precision = SharedFormats.recall(String.join(" ", page), SharedFormats.words(d.text()));
            } else {
                score = SharedFormats.f1(d.text(), SharedFormats.source(r.name()));
                precision = Double.NaN;
            }
            reads.add(new Read(r, seconds, cpu, score, precision, d.ocrConfidence(), d.text(), d.sha256()));
        }
        Map<String, List<Read>> byGroup = new TreeMap<>();
        for (Read x : reads) {
            byGroup.computeIfAbsent(x.row().format() + " " + x.row().lang(), k -> new ArrayList<>()).add(x);
            byGroup.computeIfAbsent(x.row().format() + " all", k -> new ArrayList<>()).add(x);
        }
        System.out.println("| format | language | files | word F1 (scans: recall of page 1) mean | lowest | "
                + "scans: precision | OCR confidence | s per file | files per s | CPU s per file |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        byGroup.forEach((k, list) -> {
            String[] f = k.split(" ");
            double mean = list.stream().mapToDouble(Read::score).average().orElse(0);
            double min = list.stream().mapToDouble(Read::score).min().orElse(0);
            double prec = list.stream().mapToDouble(Read::precision).average().orElse(Double.NaN);
            double conf = list.stream().filter(x -> x.ocr() != null).mapToDouble(Read::ocr).average().orElse(Double.NaN);
            double sec = list.stream().mapToDouble(Read::seconds).average().orElse(0);
            double cpu = list.stream().mapToDouble(Read::cpu).average().orElse(0);
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %s | %s | %.3f | %.1f | %.3f |%n", f[0], f[1],
                    list.size(), mean, min, Double.isNaN(prec) ? "" : String.format(Locale.ROOT, "%.3f", prec),
                    Double.isNaN(conf) ? "" : String.format(Locale.ROOT, "%.1f", conf), sec, 1 / sec, cpu);
        });
        for (Read x : reads) {
            boolean scan = x.row().format().startsWith("scan");
            if (x.score() < (scan ? 0.90 : 0.98)) {
                System.out.printf(Locale.ROOT, "below the goal: %s %.3f%n", x.row().file().getFileName(), x.score());
            }
        }
        return reads;
    }

    // ------------------------------------------------------------------------------------------------ 2. grouping

    private static void grouping(List<Read> reads) {
        int n = reads.size();
        NearDuplicates.Signature[] sigs = new NearDuplicates.Signature[n];
        for (int i = 0; i < n; i++) {
            sigs[i] = NearDuplicates.signature(reads.get(i).text());
        }
        // the pairs the index compares (its candidates), and their estimated containment
        double[][] containment = new double[n][n];
        for (long pair : NearDuplicates.candidates(java.util.Arrays.stream(sigs).map(NearDuplicates.Signature::minHashes)
                .toList())) {
            int i = (int) (pair >>> 32);
            int j = (int) pair;
            containment[i][j] = NearDuplicates.containment(sigs[i].minHashes(), sigs[i].shingles(), sigs[j].minHashes(),
                    sigs[j].shingles());
        }
        // what separates copies from other documents: lowest containment of true pairs by kind, highest of false pairs
        Map<String, Double> lowestTrue = new TreeMap<>();
        double highestFalse = 0;
        String highestFalsePair = "";
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Row a = reads.get(i).row();
                Row b = reads.get(j).row();
                if (a.name().equals(b.name())) {
                    String kind = kind(a.format()) + "–" + kind(b.format());
                    if (kind(a.format()).compareTo(kind(b.format())) > 0) {
                        kind = kind(b.format()) + "–" + kind(a.format());
                    }
                    lowestTrue.merge(kind, containment[i][j], Math::min);
                } else if (containment[i][j] > highestFalse) {
                    highestFalse = containment[i][j];
                    highestFalsePair = a.file().getFileName() + " / " + b.file().getFileName();
                }
            }
        }
        System.out.println("\nlowest estimated containment between files of the same document, by kind:");
        lowestTrue.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s: %.3f%n", k, v));
        System.out.printf(Locale.ROOT, "highest between files of different documents: %.3f (%s)%n%n", highestFalse,
                highestFalsePair);
        System.out.println("| threshold | documents shown | pairwise precision | pairwise recall | documents with all "
                + "8 files in one group | scans grouped with their document |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        List<String> ids = new ArrayList<>();
        List<String> shas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(String.valueOf(i));
            shas.add(reads.get(i).sha());
        }
        List<int[]> hashes = java.util.Arrays.stream(sigs).map(NearDuplicates.Signature::minHashes).toList();
        List<Integer> counts = java.util.Arrays.stream(sigs).map(NearDuplicates.Signature::shingles).toList();
        for (double t : THRESHOLDS) {
            // the index's own grouping, at this threshold
            long[][] grouped = NearDuplicates.groups(ids, shas, hashes, counts, t);
            long[] root = new long[n];
            Map<Long, List<String>> byRoot = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                root[i] = grouped[i][0];
                byRoot.computeIfAbsent(root[i], r -> new ArrayList<>()).add(reads.get(i).row().name());
            }
            List<List<String>> groups = new ArrayList<>(byRoot.values());
            long[] pr = pairs(groups, reads);
            long complete = reads.stream().map(r -> r.row().name()).distinct()
                    .filter(name -> groups.stream().anyMatch(g -> g.stream().filter(name::equals).count() == 8))
                    .count();
            long scansJoined = 0;
            long scans = 0;
            for (int i = 0; i < n; i++) {
                if (reads.get(i).row().format().startsWith("scan")) {
                    scans++;
                    String name = reads.get(i).row().name();
                    for (int j = 0; j < n; j++) {
                        if (j != i && !reads.get(j).row().format().startsWith("scan")
                                && root[j] == root[i] && reads.get(j).row().name().equals(name)) {
                            scansJoined++;
                            break;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| %.1f%s | %d | %.3f | %.3f | %d of %d | %d of %d |%n", t,
                    t == NearDuplicates.THRESHOLD ? " (the index's)" : "", groups.size(),
                    pr[0] + pr[1] == 0 ? 1.0 : (double) pr[0] / (pr[0] + pr[1]), (double) pr[0] / pr[2], complete,
                    reads.stream().map(r -> r.row().name()).distinct().count(), scansJoined, scans);
        }
    }

    /**
     * The other side of the threshold: pairs of different files of ../shared/corpus (3,621 texts, many news items on
     * the same events) that the index's rule would take for copies at each threshold, with the closest pairs to judge
     * by eye.
     */
    private static void corpusPairs(Path corpus) throws Exception {
        List<Path> files;
        try (var walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int n = files.size();
        NearDuplicates.Signature[] sigs = new NearDuplicates.Signature[n];
        for (int i = 0; i < n; i++) {
            sigs[i] = NearDuplicates.signature(Files.readString(files.get(i)));
        }
        List<double[]> pairs = new ArrayList<>(); // {containment, a, b}
        for (long pair : NearDuplicates.candidates(java.util.Arrays.stream(sigs).map(NearDuplicates.Signature::minHashes)
                .toList())) {
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            pairs.add(new double[] {NearDuplicates.containment(sigs[a].minHashes(), sigs[a].shingles(),
                    sigs[b].minHashes(), sigs[b].shingles()), a, b});
        }
        pairs.sort((x, y) -> Double.compare(y[0], x[0]));
        System.out.printf(Locale.ROOT, "%n../shared/corpus (%d texts): pairs of files the rule takes for copies%n", n);
        System.out.println("| threshold | pairs | files in them | files grouped by the index's rule | its largest group |");
        System.out.println("|---:|---:|---:|---:|---:|");
        // the paths stand in for the checksums too: distinct, so only near copies are grouped
        List<String> names = files.stream().map(Path::toString).toList();
        List<int[]> hashes = java.util.Arrays.stream(sigs).map(NearDuplicates.Signature::minHashes).toList();
        List<Integer> counts = java.util.Arrays.stream(sigs).map(NearDuplicates.Signature::shingles).toList();
        for (double t : THRESHOLDS) {
            Set<Integer> in = new HashSet<>();
            long count = pairs.stream().filter(p -> p[0] >= t).peek(p -> {
                in.add((int) p[1]);
                in.add((int) p[2]);
            }).count();
            long[][] groups = NearDuplicates.groups(names, names, hashes, counts, t);
            long grouped = java.util.Arrays.stream(groups).filter(g -> g[1] > 1).count();
            long largest = java.util.Arrays.stream(groups).mapToLong(g -> g[1]).max().orElse(0);
            System.out.printf(Locale.ROOT, "| %.1f | %d | %d | %d | %d |%n", t, count, in.size(), grouped, largest);
        }
        System.out.println("closest pairs (containment, shingles of each, files):");
        for (double[] p : pairs.subList(0, Math.min(40, pairs.size()))) {
            int a = (int) p[1];
            int b = (int) p[2];
            System.out.printf(Locale.ROOT, "  %.3f  %5d %5d  %s  %s%n", p[0], sigs[a].shingles(), sigs[b].shingles(),
                    corpus.relativize(files.get(a)), corpus.relativize(files.get(b)));
        }
    }

    private static String kind(String format) {
        return format.startsWith("scan") ? "scan" : "text";
    }

    /** @return {true pairs grouped, false pairs grouped, true pairs in all} */
    private static long[] pairs(List<List<String>> groups, List<Read> reads) {
        long tp = 0;
        long fp = 0;
        for (List<String> g : groups) {
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    if (g.get(i).equals(g.get(j))) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
        }
        Map<String, Integer> filesPerDoc = new HashMap<>();
        reads.forEach(r -> filesPerDoc.merge(r.row().name(), 1, Integer::sum));
        long all = filesPerDoc.values().stream().mapToLong(k -> (long) k * (k - 1) / 2).sum();
        return new long[] {tp, fp, all};
    }

    // ------------------------------------------------------------------------------------------------ 3. the index

    private static void indexTheFolder(Path formats, Path work, List<Row> rows) throws Exception {
        Path indexDir = work.resolve("index-" + System.nanoTime());
        long t0 = System.nanoTime();
        double cpu0 = cpuSeconds();
        try (KbIndex index = KbIndex.open(indexDir)) {
            UpdateReport report = index.update(UpdateRequest.builder().source(formats).threads(2)
                    .extraction(ExtractionSettings.builder().ocrCache(indexDir.resolve("ocr-cache")).build()).build(),
                    null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%nthe whole folder indexed (2 threads, empty OCR cache): %s in %.1f s, "
                    + "%.2f files per s; %.1f CPU s (JVM and Tesseract)%n", report.summary(), seconds,
                    rows.size() / seconds, cpuSeconds() - cpu0);
            Map<String, String> docOf = new HashMap<>();
            rows.forEach(r -> docOf.put(r.file().toString(), r.name()));
            SearchResult all = index.search(SearchRequest.builder("").page(0, 1000).snippets(false).facets(false).build());
            List<List<String>> groups = new ArrayList<>();
            for (SearchHit h : all.hits()) {
                List<String> members = new ArrayList<>();
                members.add(docOf.get(h.path().toString()));
                h.copies().forEach(c -> members.add(docOf.get(c.path().toString())));
                groups.add(members);
            }
            long[] pr = pairs(groups, rows.stream().map(r -> new Read(r, 0, 0, 0, 0, null, "", "")).toList());
            System.out.printf(Locale.ROOT, "the index's grouping (threshold %.1f): %d documents shown for %d files; "
                    + "pairwise precision %.3f, recall %.3f%n", NearDuplicates.THRESHOLD, all.totalDocuments(),
                    all.totalHits(), pr[0] + pr[1] == 0 ? 1.0 : (double) pr[0] / (pr[0] + pr[1]), (double) pr[0] / pr[2]);
            knownItems(index, rows, docOf);
        }
    }

    /**
     * A word of each document's first page that no other document has (as written): the search must show the
     * document as one hit holding all eight of its files. Other documents may match too (another inflected form of
     * the word: the search is by lemma); they are counted, not failed.
     */
    private static void knownItems(KbIndex index, List<Row> rows, Map<String, String> docOf) throws Exception {
        Map<String, Set<String>> docsOfWord = new HashMap<>();
        Map<String, List<String>> pageWords = new TreeMap<>();
        for (String name : new HashSet<>(docOf.values())) {
            SharedFormats.words(SharedFormats.source(name))
                    .forEach(w -> docsOfWord.computeIfAbsent(w, k -> new HashSet<>()).add(name));
            pageWords.put(name, SharedFormats.words(SharedFormats.firstPage(name)));
        }
        int found = 0;
        int whole = 0;
        int others = 0;
        for (var e : pageWords.entrySet()) {
            String rare = e.getValue().stream().filter(w -> w.length() >= 8 && docsOfWord.get(w) != null
                    && docsOfWord.get(w).size() == 1).findFirst().orElse(null);
            if (rare == null) {
                System.out.println("known item: no rare word on the first page of " + e.getKey());
                continue;
            }
            SearchResult res = index.search(SearchRequest.builder(rare).page(0, 50).snippets(false).build());
            Set<String> mine = new HashSet<>();
            rows.stream().filter(r -> r.name().equals(e.getKey())).forEach(r -> mine.add(r.file().toString()));
            int hitsWithMine = 0;
            boolean all = false;
            for (SearchHit h : res.hits()) {
                Set<String> files = new HashSet<>();
                files.add(h.path().toString());
                h.copies().forEach(c -> files.add(c.path().toString()));
                if (files.stream().anyMatch(mine::contains)) {
                    hitsWithMine++;
                    all = files.containsAll(mine);
                }
            }
            if (hitsWithMine > 0) {
                found++;
            }
            if (hitsWithMine == 1 && all) {
                whole++;
            } else {
                System.out.println("known item «" + rare + "» of " + e.getKey() + ": in " + hitsWithMine
                        + " hits, all files in one: " + all);
            }
            others += res.hits().size() - hitsWithMine;
        }
        System.out.printf(Locale.ROOT, "known-item search: %d of %d documents found, %d of them as one hit with all "
                + "their 8 files (other documents matching another form of the word: %d)%n", found, pageWords.size(),
                whole, others);
    }
}

package eu.urbanagenda.kb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.ExtractionSettings;

/**
 * Benchmark of document formats on ../shared/formats (not a test): word-level F1 of the extracted text against the
 * corpus text each file was made from, per format; OCR word recall of the scans against the words of the first page
 * (the text layer of the first page of the same document's PDF, which the scan shows); seconds per file and per OCR
 * page; the grouping of the eight files of each document (pairwise precision and recall); a known-item search of a
 * rare word of each document's first page that must find every copy. Run with {@code formats-bench.sh}.
 */
public final class FormatsBench {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’ʼ][\\p{L}]+)*");

    public static void main(String[] args) throws Exception {
        Path formats = Path.of(args[0]).toAbsolutePath().normalize();
        Path work = Path.of(args[1]).toAbsolutePath().normalize();
        Path corpus = formats.resolveSibling("corpus");
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(formats.resolve("MANIFEST.tsv"))) {
            String[] c = line.split("\t");
            if (c.length == 3 && !c[0].equals("file")) {
                rows.add(c);
            }
        }
        DocumentExtractor extractor = new DocumentExtractor(ExtractionSettings.builder()
                .ocrCache(work.resolve("ocr-cache-" + System.nanoTime())).build());
        Map<String, double[]> byFormat = new TreeMap<>(); // format → {sum score, n, seconds, min}
        for (String[] r : rows) {
            Path file = formats.resolve(r[0]);
            String name = r[2].replace(".txt", "");
            String truth = Files.readString(corpus.resolve(name.substring(0, 2)).resolve(r[2]), StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            ExtractedDocument d;
            try {
                d = extractor.extract(file);
            } catch (Exception e) {
                System.out.println("FAILED " + file + ": " + e.getMessage());
                byFormat.computeIfAbsent(r[1], k -> new double[] {0, 0, 0, 1})[1]++;
                continue;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double score = r[1].startsWith("scan") ? recall(d.text(), firstPage(formats.resolve("pdf/" + name + ".pdf")))
                    : f1(d.text(), truth);
            double[] a = byFormat.computeIfAbsent(r[1], k -> new double[] {0, 0, 0, 1});
            a[0] += score;
            a[1]++;
            a[2] += seconds;
            a[3] = Math.min(a[3], score);
        }
        System.out.println("| format | files | mean word F1 (scans: first-page recall) | lowest | seconds per file |");
        System.out.println("|---|---|---|---|---|");
        byFormat.forEach((f, a) -> System.out.printf(Locale.ROOT, "| %s | %.0f | %.3f | %.3f | %.3f |%n", f, a[1],
                a[0] / a[1], a[3], a[2] / a[1]));

        // grouping and known-item search over the index of the whole folder
        Path indexDir = work.resolve("index-" + System.nanoTime());
        long t0 = System.nanoTime();
        try (KbIndex index = KbIndex.open(indexDir)) {
            UpdateReport report = index.update(UpdateRequest.builder().source(formats).threads(2).build(), null);
            System.out.printf(Locale.ROOT, "%nindexed the folder: %s in %.1f s%n", report.summary(),
                    (System.nanoTime() - t0) / 1e9);
            Map<String, String> docOf = new HashMap<>();
            rows.forEach(r -> docOf.put(formats.resolve(r[0]).toString(), r[2]));
            SearchResult all = index.search(SearchRequest.builder("").page(0, 1000).snippets(false).facets(false).build());
            long tp = 0;
            long fp = 0;
            Map<String, Integer> filesPerDoc = new HashMap<>();
            docOf.values().forEach(v -> filesPerDoc.merge(v, 1, Integer::sum));
            for (SearchHit h : all.hits()) {
                List<String> members = new ArrayList<>();
                members.add(docOf.get(h.path().toString()));
                h.copies().forEach(c -> members.add(docOf.get(c.path().toString())));
                for (int i = 0; i < members.size(); i++) {
                    for (int j = i + 1; j < members.size(); j++) {
                        if (members.get(i).equals(members.get(j))) {
                            tp++;
                        } else {
                            fp++;
                        }
                    }
                }
            }
            long truePairs = filesPerDoc.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
            System.out.printf(Locale.ROOT, "grouping: %d documents shown for %d files (%d source documents); "
                    + "pairwise precision %.3f, recall %.3f%n", all.totalDocuments(), all.totalHits(),
                    filesPerDoc.size(), tp + fp == 0 ? 0 : (double) tp / (tp + fp), (double) tp / truePairs);

            // known item: a word of the first page found in no other document
            Map<String, Set<String>> docsOfWord = new HashMap<>();
            Map<String, List<String>> pageWords = new LinkedHashMap<>();
            for (String doc : filesPerDoc.keySet()) {
                String name = doc.replace(".txt", "");
                String text = Files.readString(corpus.resolve(name.substring(0, 2)).resolve(doc), StandardCharsets.UTF_8);
                words(text).forEach(w -> docsOfWord.computeIfAbsent(w, k -> new HashSet<>()).add(doc));
                pageWords.put(doc, words(firstPage(formats.resolve("pdf/" + name + ".pdf"))));
            }
            int found = 0;
            int everyCopy = 0;
            for (var e : pageWords.entrySet()) {
                String rare = e.getValue().stream().filter(w -> w.length() >= 8 && docsOfWord.get(w).size() == 1)
                        .findFirst().orElse(null);
                if (rare == null) {
                    continue;
                }
                SearchResult res = index.search(SearchRequest.builder(rare).page(0, 10).snippets(false).build());
                Set<String> files = new HashSet<>();
                for (SearchHit h : res.hits()) {
                    files.add(h.path().toString());
                    h.copies().forEach(c -> files.add(c.path().toString()));
                }
                long mine = docOf.entrySet().stream().filter(x -> x.getValue().equals(e.getKey())).count();
                long hit = docOf.entrySet().stream().filter(x -> x.getValue().equals(e.getKey()))
                        .filter(x -> files.contains(x.getKey())).count();
                if (hit > 0) {
                    found++;
                }
                if (hit == mine && res.hits().size() == 1) {
                    everyCopy++;
                } else {
                    System.out.println("known item «" + rare + "» of " + e.getKey() + ": " + hit + " of " + mine
                            + " files, " + res.hits().size() + " hits");
                }
            }
            System.out.printf(Locale.ROOT, "known-item search: %d of %d documents found, %d with every copy in one hit%n",
                    found, pageWords.size(), everyCopy);
        }
    }

    static String firstPage(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(1);
            s.setEndPage(1);
            return s.getText(doc);
        }
    }

    static List<String> words(String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('ʼ', '\''));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static double f1(String a, String b) {
        Map<String, Integer> x = bag(words(a));
        Map<String, Integer> y = bag(words(b));
        long common = 0;
        for (var e : x.entrySet()) {
            common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
        }
        long nx = x.values().stream().mapToLong(Integer::longValue).sum();
        long ny = y.values().stream().mapToLong(Integer::longValue).sum();
        if (common == 0) {
            return 0;
        }
        double p = (double) common / nx;
        double r = (double) common / ny;
        return 2 * p * r / (p + r);
    }

    static double recall(String ocr, String page) {
        Map<String, Integer> x = bag(words(ocr));
        Map<String, Integer> y = bag(words(page));
        long common = 0;
        long n = 0;
        for (var e : y.entrySet()) {
            common += Math.min(e.getValue(), x.getOrDefault(e.getKey(), 0));
            n += e.getValue();
        }
        return n == 0 ? 0 : (double) common / n;
    }

    private static Map<String, Integer> bag(List<String> words) {
        Map<String, Integer> m = new HashMap<>();
        words.forEach(w -> m.merge(w, 1, Integer::sum));
        return m;
    }
}

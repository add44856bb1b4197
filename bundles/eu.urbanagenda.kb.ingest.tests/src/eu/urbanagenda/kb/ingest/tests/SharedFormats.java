package eu.urbanagenda.kb.ingest.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The office documents and scans of ../shared/formats (read in place), the corpus texts they were made from, and the
 * word-level comparison of an extracted text with its source. Public and plain Java (PDFBox aside): the formats
 * benchmark ({@code releng/eu.urbanagenda.kb.bench/formats-bench.sh}) compiles it too, so tests and benchmark measure
 * the same way.
 */
public final class SharedFormats {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’ʼ][\\p{L}]+)*");

    private SharedFormats() {
    }

    /** @return the folder {@code formats} of {@code kb.shared} (default {@code ../shared}) */
    public static Path dir() {
        return Path.of(System.getProperty("kb.shared", "../shared")).resolve("formats").toAbsolutePath().normalize();
    }

    /** @return the file made from a corpus document, e.g. {@code docx/uk_….docx} */
    public static Path file(String format, String name) {
        String ext = switch (format) {
            case "scan-jpg" -> "jpg";
            case "scan-pdf" -> "pdf";
            default -> format;
        };
        return dir().resolve(format).resolve(name + "." + ext);
    }

    /** @return the corpus text a file was made from, by its name without extension */
    public static String source(String name) throws IOException {
        Path corpus = dir().resolveSibling("corpus");
        Path p = corpus.resolve(name.substring(0, 2)).resolve(name + ".txt");
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    /**
     * The text a scan shows: the scans are images of the first page of the document's PDF, so the truth of a scan is
     * the text layer of that page (not a guess at how many words of the source fit on a page).
     *
     * @param name the document's name without extension
     * @return the text of page 1 of {@code pdf/<name>.pdf}
     */
    public static String firstPage(String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file("pdf", name).toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            return stripper.getText(doc);
        }
    }

    /** @return the words of a text, lower case, apostrophes unified */
    public static List<String> words(String text) {
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\'').replace('ʼ', '\''));
        List<String> words = new java.util.ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Word-level F1 of two texts as bags of words. */
    public static double f1(String extracted, String truth) {
        Map<String, Integer> a = bag(words(extracted));
        Map<String, Integer> b = bag(words(truth));
        long common = 0;
        for (var e : a.entrySet()) {
            common += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        long na = a.values().stream().mapToLong(Integer::longValue).sum();
        long nb = b.values().stream().mapToLong(Integer::longValue).sum();
        if (common == 0) {
            return 0;
        }
        double p = (double) common / na;
        double r = (double) common / nb;
        return 2 * p * r / (p + r);
    }

    /** Word recall of a text against the words of a source it shows a part of (a first page). */
    public static double recall(String extracted, List<String> truth) {
        Map<String, Integer> a = bag(words(extracted));
        Map<String, Integer> b = bag(truth);
        long common = 0;
        for (var e : b.entrySet()) {
            common += Math.min(e.getValue(), a.getOrDefault(e.getKey(), 0));
        }
        return (double) common / Math.max(1, truth.size());
    }

    private static Map<String, Integer> bag(List<String> words) {
        Map<String, Integer> m = new HashMap<>();
        words.forEach(w -> m.merge(w, 1, Integer::sum));
        return m;
    }
}

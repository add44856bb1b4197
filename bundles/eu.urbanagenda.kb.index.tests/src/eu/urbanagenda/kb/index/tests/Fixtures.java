package eu.urbanagenda.kb.index.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchResult;

/** Shared helpers: the seed documents, analysis output, hit names. */
final class Fixtures {

    private Fixtures() {
    }

    private static Path seeds;

    /**
     * @return a folder with the product's five seed documents (4 Ukrainian, 1 Bulgarian), copied from the
     *         checkout's seeds/ without its README, which is about them rather than one of them
     */
    static synchronized Path seeds() {
        if (seeds == null) {
            try {
                Path copy = Files.createTempDirectory("kb-seeds").resolve("seeds");
                Files.createDirectories(copy);
                try (Stream<Path> files = Files.list(Path.of(System.getProperty("kb.root", "."), "seeds"))) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList()) {
                        Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                seeds = copy.toAbsolutePath().normalize();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    static final String UK_MEMO = "000_b67c46585f302328.txt";
    static final String UK_ACCEL = "001_be425302bce8815f.txt";
    static final String UK_VINN = "002_58fd54e3f0ca56bd.txt";
    static final String UK_AMU = "003_4ca3f10b009f3b0c.txt";
    static final String BG_DIGITAL = "004_f6014b7996f6aa18.txt";

    /** @return the terms of each token, "|"-joined for tokens at the same position */
    static List<String> terms(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            var posInc = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (posInc.getPositionIncrement() == 0 && !out.isEmpty()) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + "|" + term);
                } else {
                    out.add(term.toString());
                }
            }
            ts.end();
        }
        return out;
    }

    /** @return the file names of the hits, in order */
    static List<String> names(SearchResult r) {
        return r.hits().stream().map(SearchHit::path).map(p -> p.getFileName().toString()).toList();
    }
}

package eu.urbanagenda.kb.index.tests;

import java.io.IOException;
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

    /** @return the product's seed documents (4 Ukrainian, 1 Bulgarian) */
    static Path seeds() {
        return Path.of(System.getProperty("kb.root", "."), "seeds").toAbsolutePath().normalize();
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

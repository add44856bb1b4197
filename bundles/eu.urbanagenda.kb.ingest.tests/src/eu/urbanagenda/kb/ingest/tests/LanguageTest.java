package eu.urbanagenda.kb.ingest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ingest.LanguageDetector;
import eu.urbanagenda.kb.ingest.SkippedFileException;

/** Language detection, on the development corpus (its folders give the truth) and on short texts. */
class LanguageTest {

    private final LanguageDetector detector = new LanguageDetector();

    static Path corpus() {
        return Path.of(System.getProperty("kb.shared", "../shared"), "corpus").toAbsolutePath().normalize();
    }

    /** The whole pipeline (read, decode, detect) over every document of ../shared/corpus: at least 99 % correct. */
    @Test
    void accuracyOnTheCorpus() throws IOException {
        DocumentExtractor extractor = new DocumentExtractor();
        int total = 0;
        int correct = 0;
        Map<String, Integer> confusions = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (String truth : List.of("uk", "bg")) {
            List<Path> files;
            try (Stream<Path> s = Files.list(corpus().resolve(truth))) {
                files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            for (Path f : files) {
                total++;
                String got;
                try {
                    got = extractor.extract(f).language().code();
                } catch (SkippedFileException e) {
                    got = "skipped";
                }
                if (got.equals(truth)) {
                    correct++;
                } else {
                    confusions.merge(truth + "→" + got, 1, Integer::sum);
                    wrong.add(f.getFileName() + " → " + got);
                }
            }
        }
        double accuracy = (double) correct / total;
        System.out.printf("Language accuracy on %s: %d/%d = %.2f %% %s%n", corpus(), correct, total,
                100 * accuracy, confusions);
        assertTrue(total > 3000, "the corpus has about 3,600 documents; found " + total);
        assertTrue(accuracy >= 0.99, "accuracy " + accuracy + ", wrong: " + wrong);
    }

    @Test
    void latinLookAlikesInBulgarianNews() throws Exception {
        Path f = corpus().resolve("bg/bg_bsnlp_us_election_2020_USAElections085.txt");
        ExtractedDocument d = new DocumentExtractor().extract(f);
        assertEquals(Language.BG, d.language());
    }

    @Test
    void shortTexts() {
        assertDetected(Language.UK, "Де знаходиться ваша громада?", "Громада отримала нові можливості", "м'ясо");
        assertDetected(Language.BG, "Къде е общината?", "Това е новият план на града");
        assertDetected(Language.RU, "Это новый план города", "Мы были в городе");
        assertDetected(Language.EN, "The city council adopted the plan");
        // Croatian, Serbian, no letters, nothing
        assertDetected(Language.OTHER, "Gradsko vijeće usvojilo je plan razvoja", "Градско веће је усвојило план развоја",
                "12345 — 678", "");
    }

    private void assertDetected(Language expected, String... texts) {
        for (String text : texts) {
            assertEquals(expected, detector.detect(text), text);
        }
    }

    @Test
    void declaredLanguageDecidesOnlyWhenTheTextDoesNot() {
        // no distinctive letter or word: the declaration decides
        assertEquals(Language.BG, detector.detect("Проект", "bg"));
        assertEquals(Language.UK, detector.detect("Проект", "uk-UA"));
        // a clearly Ukrainian text with a wrong template declaration stays Ukrainian
        assertEquals(Language.UK, detector.detect(EncodingTest.UK, "en"));
        assertEquals(Language.BG, detector.detect(EncodingTest.BG, "ru"));
    }
}

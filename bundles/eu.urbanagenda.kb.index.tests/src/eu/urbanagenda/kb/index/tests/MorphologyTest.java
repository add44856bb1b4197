package eu.urbanagenda.kb.index.tests;

import static eu.urbanagenda.kb.index.tests.Fixtures.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.analysis.BulgarianStemmer;
import eu.urbanagenda.kb.analysis.Transliteration;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.UpdateRequest;

/**
 * The forms of a word meet, in Cyrillic and in Latin letters, in a real index: the Bulgarian paradigms of
 * {@code data/bg-paradigms.tsv} (each document has one form, every other form finds it, typed or transliterated by the
 * Bulgarian system of 2009), and Ukrainian words asked in a form the document lacks, in Latin letters (national system
 * of 2010 and informal spellings).
 */
class MorphologyTest {

    @TempDir
    static Path tmp;
    static KbIndex index;
    static List<String[]> paradigms = new ArrayList<>();

    /** Ukrainian sentence with one form → queries in Latin letters for other forms of its words. */
    static final Map<String, List<String>> UKRAINIAN = Map.of(
            "Хлопець жбурляв каміння у ставок.", List.of("zhburliai", "zhburliaty", "zhburlialy"),
            "Фарбу треба ретельно розмішувати.", List.of("rozmishuiemo", "rozmishuie", "rozmishuvav"),
            "Загадковість цього краю вражає мандрівників.", List.of("zahadkovosti", "zagadkovist'", "zahadkovistiu"),
            "Муніципалітет підписав угоду з партнерами.", List.of("munitsypaliteti", "munitsipalitetu",
                    "munitsypalitetamy"),
            "Вінниця першою запровадила електронні петиції.", List.of("vinnytsi", "vinnytseiu", "vinnitsya"),
            "Громада схвалила стратегію розвитку.", List.of("hromadamy", "gromadi", "hromadoiu", "stratehiieiu"));

    @BeforeAll
    static void indexDocuments() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("docs"));
        Path table = Path.of(System.getProperty("kb.root", "."), "bundles", "eu.urbanagenda.kb.index.tests", "data",
                "bg-paradigms.tsv");
        for (String line : Files.readAllLines(table)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                paradigms.add(line.split("\t"));
            }
        }
        for (int i = 0; i < paradigms.size(); i++) {
            String[] p = paradigms.get(i);
            // each document has one form of its word, not always the first
            String form = p[1 + i % (p.length - 1)];
            Files.writeString(docs.resolve("bg-" + i + ".txt"), "Бележка " + i + "\n\nВ тази бележка се казва "
                    + form + " и нищо друго.");
        }
        int k = 0;
        for (String sentence : UKRAINIAN.keySet()) {
            Files.writeString(docs.resolve("uk-" + k++ + ".txt"), "Новина\n\n" + sentence + " Так повідомили в "
                    + "міській раді.");
        }
        index = KbIndex.open(tmp.resolve("index"));
        index.update(UpdateRequest.of(docs), null);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void atLeastSixtyParadigmsOfNounsAdjectivesAndVerbs() {
        assertTrue(paradigms.size() >= 60, paradigms.size() + " paradigms");
        for (String[] p : paradigms) {
            List<String> stems = List.of(p).subList(1, p.length).stream().map(BulgarianStemmer::stem).distinct()
                    .toList();
            assertEquals(1, stems.size(), p[0] + ": " + stems);
        }
    }

    @Test
    void everyBulgarianFormFindsTheDocumentWithAnother() throws Exception {
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < paradigms.size(); i++) {
            String[] p = paradigms.get(i);
            String expected = "bg-" + i + ".txt";
            for (int f = 1; f < p.length; f++) {
                for (String query : List.of(p[f], Transliteration.bulgarian(p[f]))) {
                    SearchResult r = index.search(SearchRequest.builder(query).page(0, 20).snippets(false)
                            .facets(false).build());
                    if (!names(r).contains(expected)) {
                        misses.add(query + " (" + p[0] + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), misses);
    }

    @Test
    void ukrainianFormsInLatinLettersFindTheOtherForms() throws Exception {
        int k = 0;
        for (Map.Entry<String, List<String>> e : UKRAINIAN.entrySet()) {
            String expected = "uk-" + k++ + ".txt";
            for (String latin : e.getValue()) {
                SearchResult r = index.search(SearchRequest.of(latin));
                assertEquals(expected, names(r).isEmpty() ? "nothing" : names(r).get(0), latin + " for «" + e.getKey()
                        + "»");
                // the snippet marks the word as the document writes it
                SearchHit hit = r.hits().get(0);
                assertTrue(!hit.snippet().highlights().isEmpty(), latin + ": " + hit.snippet());
            }
        }
    }

    @Test
    void aLatinWordIsMatchedAsTheWordNotOnlyAsItsTransliterationKey() throws Exception {
        // the Ukrainian text field alone knows nothing of Latin letters: the match comes from the Cyrillic reading
        SearchResult r = index.search(SearchRequest.builder("zhburliai").fields(List.of(KbFields.TEXT_UK)).build());
        assertEquals(1, r.totalHits());
        assertTrue(r.hits().get(0).snippet().matchedWords().contains("жбурляв"), r.hits().get(0).snippet().toString());
        SearchResult bg = index.search(SearchRequest.builder("partnyorskiyat").fields(List.of(KbFields.TEXT_BG))
                .build());
        assertTrue(bg.totalHits() >= 1, "партньорският through the stem of a form in the index");
    }
}

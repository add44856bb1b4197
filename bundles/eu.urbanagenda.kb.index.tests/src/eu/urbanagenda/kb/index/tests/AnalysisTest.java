package eu.urbanagenda.kb.index.tests;

import static eu.urbanagenda.kb.index.tests.Fixtures.terms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.analysis.KbAnalyzers;
import eu.urbanagenda.kb.analysis.Transliteration;

/** The analyzers: lemmas and stems next to surface forms, apostrophes, stress marks, multi-term normalisation. */
class AnalysisTest {

    private final Analyzer analyzer = KbFields.analyzer();

    @Test
    void ukrainianSurfaceFormAndLemmas() throws Exception {
        List<String> t = terms(analyzer, KbFields.TEXT_UK, "Громадами міст");
        assertEquals(2, t.size(), t.toString());
        assertTrue(t.get(0).startsWith("громадами|") && t.get(0).contains("громада"), t.toString());
        assertTrue(t.get(1).contains("міст") && t.get(1).contains("місто"), t.toString());
        assertTrue(terms(analyzer, KbFields.TEXT_UK, "громад").get(0).contains("громада"));
    }

    @Test
    void everyApostropheVariantIsOneWord() throws Exception {
        List<String> expected = terms(analyzer, KbFields.TEXT_UK, "м'ясо");
        assertTrue(expected.get(0).startsWith("м'ясо"), expected.toString());
        for (String variant : List.of("м’ясо", "мʼясо", "м`ясо", "М‘ЯСО")) {
            assertEquals(expected, terms(analyzer, KbFields.TEXT_UK, variant), variant);
        }
    }

    @Test
    void stressMarksAndSoftHyphensAreIgnored() throws Exception {
        assertEquals(terms(analyzer, KbFields.TEXT_UK, "орфоепія"),
                terms(analyzer, KbFields.TEXT_UK, "Орфое\u0301пія"));
        assertEquals(terms(analyzer, KbFields.TEXT_UK, "трансформація"),
                terms(analyzer, KbFields.TEXT_UK, "транс\u00ADформа\u00ADція"));
        assertEquals(terms(analyzer, KbFields.TEXT_BG, "градът"), terms(analyzer, KbFields.TEXT_BG, "гра\u0300дът"));
        assertEquals(terms(analyzer, KbFields.TEXT_BG, "градът"), terms(analyzer, KbFields.TEXT_BG, "гра\u0301дът"));
        // ѝ is a letter of Bulgarian orthography, not a stressed и
        assertNotEquals(terms(analyzer, KbFields.TEXT_BG, "ѝ"), terms(analyzer, KbFields.TEXT_BG, "и"));
    }

    @Test
    void bulgarianStemPlusSurfaceForm() throws Exception {
        assertEquals(List.of("градът|град"), terms(analyzer, KbFields.TEXT_BG, "Градът"));
        assertEquals(List.of("градове|град"), terms(analyzer, KbFields.TEXT_BG, "градове"));
    }

    @Test
    void latinLookAlikesInCyrillicWords() throws Exception {
        // "Oкoнчaтeлнитe" with Latin O, o, a, e
        assertEquals(terms(analyzer, KbFields.TEXT_BG, "Окончателните"),
                terms(analyzer, KbFields.TEXT_BG, "Oкoнчaтeлнитe"));
    }

    @Test
    void multiTermQueriesAreNormalisedLikeIndexedTerms() {
        // wildcard, prefix and fuzzy terms go through Analyzer.normalize
        assertEquals("м'яс", analyzer.normalize(KbFields.TEXT_UK, "М’ЯС").utf8ToString());
        assertEquals("орфоеп", analyzer.normalize(KbFields.TEXT_UK, "Орфое\u0301п").utf8ToString());
        assertEquals("ганок", analyzer.normalize(KbFields.TEXT_UK, "ҐАНОК").utf8ToString());
        assertEquals("град", analyzer.normalize(KbFields.TEXT_BG, "Гра\u0300д").utf8ToString());
        assertEquals("gromad", analyzer.normalize(KbFields.TRANSLIT, "Hromad").utf8ToString());
    }

    @Test
    void transliterationSystems() {
        // examples of the Ukrainian national system (2010)
        String[][] uk = {{"Згорани", "Zghorany"}, {"Вінниця", "Vinnytsia"}, {"Єнакієве", "Yenakiieve"},
                {"Їжакевич", "Yizhakevych"}, {"Йосипівка", "Yosypivka"}, {"Стрий", "Stryi"}, {"Київ", "Kyiv"},
                {"Гоща", "Hoshcha"}, {"Юрій", "Yurii"}, {"Корюківка", "Koriukivka"}, {"Знам'янка", "Znamianka"},
                {"Ґалаґан", "Galagan"}, {"Харків", "Kharkiv"}, {"Біла Церква", "Bila Tserkva"},
                {"цифрова трансформація", "tsyfrova transformatsiia"}, {"громада", "hromada"}};
        for (String[] e : uk) {
            assertEquals(e[1], Transliteration.ukrainian(e[0]), e[0]);
        }
        // the Bulgarian system (2009)
        String[][] bg = {{"София", "Sofia"}, {"Търново", "Tarnovo"}, {"Щастие", "Shtastie"}, {"Юлия", "Yulia"},
                {"Ямбол", "Yambol"}, {"дигитален преход", "digitalen prehod"}, {"Шумен", "Shumen"}};
        for (String[] e : bg) {
            assertEquals(e[1], Transliteration.bulgarian(e[0]), e[0]);
        }
    }

    @Test
    void aRunOfOneLetterIsNoTransliterationVariant() throws Exception {
        assertEquals(terms(analyzer, KbFields.TRANSLIT, "а"), terms(analyzer, KbFields.TRANSLIT, "aa"), "doubled: single");
        for (String run : List.of("aaa", "aaaaaaaaaa", "ssss")) {
            assertNotEquals(terms(analyzer, KbFields.TRANSLIT, run.substring(0, 1)), terms(analyzer, KbFields.TRANSLIT, run),
                    run);
        }
    }

    @Test
    void transliterationVariantsMeet() throws Exception {
        String[][] same = {{"громадами", "hromada", "gromada", "hromadakh"}, {"цифрова", "tsyfrova", "cyfrova", "tsifrova"},
                {"трансформація", "transformatsiia", "transformatsiya", "transformacija", "transformatsii"},
                {"София", "sofiya", "sofia", "Sofija"}, {"дигитален", "digitalen"}, {"преход", "prehod", "prekhod"},
                {"Запоріжжя", "zaporizhzhia", "zaporizhia", "zaporizhzhya"}, {"своїй", "svoii", "svoyiy", "svoji"}};
        for (String[] group : same) {
            List<String> first = terms(analyzer, KbFields.TRANSLIT, group[0]);
            for (int i = 1; i < group.length; i++) {
                assertEquals(first, terms(analyzer, KbFields.TRANSLIT, group[i]), group[0] + " ~ " + group[i]);
            }
        }
    }
}

package eu.urbanagenda.kb.index.tests;

import static eu.urbanagenda.kb.index.tests.Fixtures.BG_DIGITAL;
import static eu.urbanagenda.kb.index.tests.Fixtures.UK_ACCEL;
import static eu.urbanagenda.kb.index.tests.Fixtures.UK_AMU;
import static eu.urbanagenda.kb.index.tests.Fixtures.UK_MEMO;
import static eu.urbanagenda.kb.index.tests.Fixtures.UK_VINN;
import static eu.urbanagenda.kb.index.tests.Fixtures.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.index.FacetCount;
import eu.urbanagenda.kb.index.Highlight;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.SortOrder;
import eu.urbanagenda.kb.index.StoredDocument;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ingest.tests.TestPdfs;

/** Searching the seed documents (and two small documents written here) in a real index on disk. */
public class SearchTest extends SearchEngineTest {

    static Path extra;

    @BeforeAll
    void indexSeeds() throws Exception {
        extra = Files.createDirectories(tmp.resolve("extra"));
        // own texts: a stress-marked Ukrainian word, apostrophes of several kinds
        Files.writeString(extra.resolve("orthoepy.txt"), "Орфое\u0301пія\n\nОрфое\u0301пія вивчає вимову. "
                + "Кампанія «Без м’яса» та м'ясний ринок громади Львова.");
        Files.writeString(extra.resolve("page.html"), "<html lang=\"bg\"><head><title>Градове и общини</title>"
                + "<meta name=\"date\" content=\"2019-06-01\"></head><body><p>Градовете в България си "
                + "сътрудничат по програмата.</p></body></html>");
        TestPdfs.write(extra.resolve("report.pdf"), List.of("Звіт про цифровізацію громад Вінниччини",
                "Громадам допомагають експерти проєкту."), true, null, null);
        index = open(tmp.resolve("index"));
        UpdateReport r = index.update(UpdateRequest.builder().source(Fixtures.seeds()).source(extra).build(), null);
        assertEquals(8, r.added().size(), r.summary() + r.skipped());
    }

    @Test
    void pdfIsSearchableAndHighlighted() throws Exception {
        SearchResult r = index.search(SearchRequest.builder("цифровізація громада").formats(List.of("pdf")).build());
        assertEquals(List.of("report.pdf"), names(r));
        SearchHit h = r.hits().get(0);
        assertEquals(DocumentFormat.PDF, h.format());
        assertNull(h.encoding());
        assertEquals("Звіт про цифровізацію громад Вінниччини", h.title());
        assertTrue(h.snippet().marked().contains("<b>цифровізацію</b>") && h.snippet().marked().contains("<b>Громадам</b>"),
                h.snippet().marked());
        assertTrue(h.snippet().matchedWords().containsAll(List.of("цифровізацію", "Громадам")),
                "the highlights are ranges of the passage's text: " + h.snippet());
    }

    private static SearchResult search(String q) throws Exception {
        return index.search(SearchRequest.of(q));
    }

    @Test
    void inflectedUkrainianQueryFindsOtherForms() throws Exception {
        SearchResult r = search("громадами");
        assertEquals(Set.of(UK_MEMO, UK_ACCEL, UK_VINN, UK_AMU, "orthoepy.txt", "report.pdf"), Set.copyOf(names(r)));
        SearchHit memo = r.hits().stream().filter(h -> h.path().endsWith(UK_MEMO)).findFirst().orElseThrow();
        // the memorandum has "громад" but not "громадами": the snippet marks the inflected form found
        assertFalse(Files.readString(memo.path()).contains("громадами"));
        assertTrue(memo.snippet().marked().contains("<b>громад</b>"), memo.snippet().marked());
        assertTrue(r.took().toNanos() > 0);
    }

    @Test
    void inflectedBulgarianQueryFindsOtherForms() throws Exception {
        SearchResult r = search("градът");
        assertTrue(names(r).containsAll(List.of(BG_DIGITAL, "page.html")), names(r).toString());
        SearchHit bg = r.hits().stream().filter(h -> h.path().endsWith(BG_DIGITAL)).findFirst().orElseThrow();
        assertTrue(bg.snippet().marked().contains("<b>градове</b>") || bg.snippet().marked().contains("<b>град</b>"), bg.snippet().marked());
        assertEquals(Language.BG, bg.lang());
    }

    @Test
    void transliteratedQueries() throws Exception {
        assertTrue(names(search("hromada")).containsAll(List.of(UK_MEMO, UK_ACCEL, UK_VINN, UK_AMU)));
        assertEquals(names(search("hromada")), names(search("gromada")));
        Set<String> tsyfrova = Set.copyOf(names(search("tsyfrova transformatsiia")));
        assertTrue(tsyfrova.containsAll(Set.of(UK_MEMO, UK_ACCEL, UK_VINN)), tsyfrova.toString());
        assertFalse(tsyfrova.contains(BG_DIGITAL));
        assertEquals(tsyfrova, Set.copyOf(names(search("cyfrova transformatsiya"))));
        assertEquals(List.of(BG_DIGITAL), names(search("digitalen prehod")));
        assertEquals(List.of(BG_DIGITAL), names(search("sofiya")));
        assertEquals(0, search("aaaaaaaaaa").totalHits(), "a run of one letter is no word (not the conjunction а)");
        assertEquals(List.of(BG_DIGITAL), names(search("\"digitalen prehod\"")));
        SearchHit h = search("sofiya").hits().get(0);
        assertTrue(h.snippet().marked().contains("<b>София</b>"), h.snippet().marked());
    }

    @Test
    void languageFieldsAndTheTransliterationFieldAlone() throws Exception {
        SearchResult uk = index.search(SearchRequest.builder("громада").fields(List.of(KbFields.TEXT_UK)).build());
        assertEquals(6, uk.totalHits());
        SearchResult bg = index.search(SearchRequest.builder("громада").fields(List.of(KbFields.TEXT_BG)).build());
        assertEquals(0, bg.totalHits());
        assertEquals(2, search("bg:град").totalHits());
        assertEquals(2, search("text_bg:градове").totalHits());
        assertEquals(0, search("uk:градове").totalHits());
        assertEquals(6, search("translit:hromada").totalHits());
        assertEquals(6, search("translit:громада").totalHits(), "an explicit translit field takes Cyrillic too");
        SearchResult t = index.search(SearchRequest.builder("sofia").fields(List.of(KbFields.TRANSLIT)).build());
        assertEquals(List.of(BG_DIGITAL), names(t));
        assertNotNull(t.hits().get(0).snippet());
        assertTrue(t.hits().get(0).score() > 0);
    }

    @Test
    void booleanPhraseWildcardFuzzyAndFields() throws Exception {
        assertEquals(3, search("\"цифрова трансформація\"").totalHits());
        assertTrue(search("\"трансформація цифрова\"").totalHits() < 3);
        long both = search("громада AND Вінниччина").totalHits();
        assertEquals(both, search("громада Вінниччина").totalHits(), "default operator AND");
        assertTrue(search("громада OR градове").totalHits() > search("громада").totalHits());
        assertEquals(search("громада").totalHits() - both, search("громада NOT Вінниччина").totalHits());
        long all = search("*:*").totalHits();
        assertEquals(all - search("громада").totalHits(), search("NOT громада").totalHits(), "only a negation");
        assertEquals(all - search("громада").totalHits(), search("-громада").totalHits());
        assertEquals(search("громада").totalHits() - both, search("громада AND (NOT Вінниччина)").totalHits());
        assertTrue(search("Громад*").totalHits() >= 5, "wildcard terms are lower-cased");
        assertTrue(names(search("прем’єр*")).contains(UK_MEMO), "apostrophe variants in wildcard terms");
        assertTrue(names(search("мʼяс*")).contains("orthoepy.txt"));
        assertTrue(names(search("трансформаціі~1")).contains(UK_MEMO), "fuzzy");
        // wildcard and fuzzy matches are marked in snippets too
        SearchHit wild = search("прем’єр*").hits().stream().filter(h -> h.path().endsWith(UK_MEMO)).findFirst()
                .orElseThrow();
        assertTrue(wild.snippet().marked().contains("<b>прем'єр</b>"), wild.snippet().marked());
        SearchHit fuzzy = search("трансформаціі~1").hits().stream().filter(h -> h.path().endsWith(UK_MEMO))
                .findFirst().orElseThrow();
        assertTrue(fuzzy.snippet().marked().contains("<b>трансформації</b>"), fuzzy.snippet().marked());
        assertEquals(List.of(BG_DIGITAL), names(search("title:партньорство")));
        assertEquals(2, search("lang:bg").totalHits());
        assertEquals(1, search("format:html").totalHits());
        assertTrue(search("year:[2021 TO 2023]").totalHits() >= 3);
        assertEquals(search("year:2023").totalHits(), search("date:[2023-01-01 TO 2023-12-31]").totalHits());
        assertEquals(8, search("*:*").totalHits());
        assertEquals(8, search("").totalHits());
        assertEquals(names(search("Вінниччина громада")), names(search("Вінниччина:громада")),
                "an unknown field name is a word, not an error");
    }

    @Test
    void stressMarkedWordsAreFoundAndHighlightedWithTheirAccent() throws Exception {
        SearchResult r = search("орфоепія");
        assertEquals(List.of("orthoepy.txt"), names(r));
        assertTrue(r.hits().get(0).snippet().marked().contains("<b>Орфое\u0301пія</b>"), r.hits().get(0).snippet().marked());
        assertEquals(1, search("Орфое\u0301пія").totalHits());
    }

    @Test
    void filtersAndFacets() throws Exception {
        SearchResult all = search("*:*");
        assertEquals(List.of(new FacetCount("uk", 6), new FacetCount("bg", 2)), all.facets().languages());
        assertEquals(Set.of(new FacetCount("text", 6), new FacetCount("html", 1), new FacetCount("pdf", 1)),
                Set.copyOf(all.facets().formats()));
        assertTrue(all.facets().years().contains(new FacetCount("2019", 1)), all.facets().years().toString());
        assertEquals(Set.of(Fixtures.seeds().toString(), extra.toString()),
                all.facets().folders().stream().map(FacetCount::value).collect(java.util.stream.Collectors.toSet()));

        SearchResult bg = index.search(SearchRequest.builder("*:*").languages(List.of("bg")).build());
        assertEquals(2, bg.totalHits());
        // the filtered dimension still shows the other values (drill sideways) ...
        assertEquals(List.of(new FacetCount("uk", 6), new FacetCount("bg", 2)), bg.facets().languages());
        // ... and the other dimensions count the filtered hits only
        assertEquals(Set.of(new FacetCount("text", 1), new FacetCount("html", 1)), Set.copyOf(bg.facets().formats()));

        assertEquals(1, index.search(SearchRequest.builder("*:*").formats(List.of("html")).build()).totalHits());
        assertEquals(3, index.search(SearchRequest.builder("*:*").folder(extra).build()).totalHits());
        assertEquals(5, index.search(SearchRequest.builder("*:*").folder(Fixtures.seeds()).build()).totalHits());
        assertEquals(1, index.search(SearchRequest.builder("*:*").years(List.of(2019)).build()).totalHits());
    }

    @Test
    void partnershipGroups() throws Exception {
        String memo = index.document(Fixtures.seeds().resolve(UK_MEMO), null).orElseThrow().sha256();
        String bg = index.document(Fixtures.seeds().resolve(BG_DIGITAL), null).orElseThrow().sha256();
        SearchRequest.Builder b = SearchRequest.builder("*:*").group("digital", List.of(memo, bg))
                .group("empty", List.of()).group("unknown", List.of("0".repeat(64)));
        SearchResult r = index.search(b.build());
        assertEquals(Set.of(new FacetCount("digital", 2), new FacetCount("empty", 0), new FacetCount("unknown", 0)),
                Set.copyOf(r.facets().groups()));
        SearchResult only = index.search(SearchRequest.builder("*:*").group("digital", List.of(memo, bg))
                .groupFilter(List.of("digital")).build());
        assertEquals(Set.of(UK_MEMO, BG_DIGITAL), Set.copyOf(names(only)));
        SearchResult filteredAndQueried = index.search(SearchRequest.builder("громада")
                .group("digital", List.of(memo, bg)).groupFilter(List.of("digital")).build());
        assertEquals(List.of(UK_MEMO), names(filteredAndQueried));
        assertEquals(memo, filteredAndQueried.hits().get(0).sha256());
    }

    @Test
    void sortByDateAndPaging() throws Exception {
        SearchResult r = index.search(SearchRequest.builder("*:*").sort(SortOrder.DATE_DESC).page(0, 10).build());
        List<LocalDate> dates = r.hits().stream().map(SearchHit::date).toList();
        int firstNull = dates.indexOf(null);
        assertTrue(firstNull > 0, dates.toString());
        for (int i = 1; i < dates.size(); i++) {
            if (dates.get(i) != null) {
                assertTrue(i < firstNull && !dates.get(i).isAfter(dates.get(i - 1)), dates.toString());
            }
        }
        SearchResult asc = index.search(SearchRequest.builder("*:*").sort(SortOrder.DATE_ASC).build());
        assertEquals(LocalDate.of(2019, 6, 1), asc.hits().get(0).date());

        SearchResult full = index.search(SearchRequest.builder("громада").page(0, 10).build());
        SearchResult page = index.search(SearchRequest.builder("громада").page(2, 2).build());
        assertEquals(full.totalHits(), page.totalHits());
        assertEquals(names(full).subList(2, 4), names(page));
        assertTrue(full.hits().get(0).score() >= full.hits().get(1).score());
        SearchResult noSnippets = index.search(SearchRequest.builder("громада").snippets(false).facets(false).build());
        assertNull(noSnippets.hits().get(0).snippet());
        assertTrue(noSnippets.facets().languages().isEmpty());
    }

    @Test
    void syntaxErrorsComeBackWithAPosition() {
        record Case(String query, int position, String words) {
        }
        List<Case> cases = List.of(new Case("(громада", 8, "closing parenthesis"),
                new Case("громада)", 7, "position 8"), new Case("громада AND", 11, "missing"),
                new Case("громада \"цифрова", 8, "no closing quote"), new Case("AND громада", 0, "AND"),
                new Case("громада OR OR місто", 11, "OR"), new Case("title:", 6, "missing"));
        for (Case c : cases) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                    () -> index.search(SearchRequest.of(c.query())), c.query());
            assertEquals(c.position(), e.position(), c.query() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(c.words()), c.query() + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("Exception") || e.getMessage().contains("\tat "), e.getMessage());
            assertEquals(c.query(), e.query());
        }
    }

    @Test
    void storedDocumentWithHighlights() throws Exception {
        StoredDocument d = index.document(Fixtures.seeds().resolve(UK_MEMO), "громадами OR tsyfrova").orElseThrow();
        assertEquals(Language.UK, d.lang());
        assertEquals(DocumentFormat.TEXT, d.format());
        assertEquals("UTF-8", d.encoding());
        assertEquals(LocalDate.of(2021, 10, 19), d.date());
        assertEquals(Files.size(Fixtures.seeds().resolve(UK_MEMO)), d.size());
        assertEquals(Files.getLastModifiedTime(Fixtures.seeds().resolve(UK_MEMO)).toMillis(), d.lastModified());
        assertEquals(Files.readString(Fixtures.seeds().resolve(UK_MEMO)), d.text());
        Set<String> marked = new HashSet<>();
        for (Highlight h : d.highlights()) {
            marked.add(d.text().substring(h.start(), h.end()).toLowerCase());
        }
        assertTrue(marked.containsAll(Set.of("громад", "цифрової")), marked.toString());
        assertTrue(d.markedText().contains("<b>громад</b>"));
        assertTrue(index.document(tmp.resolve("nope.txt"), null).isEmpty());
    }
}

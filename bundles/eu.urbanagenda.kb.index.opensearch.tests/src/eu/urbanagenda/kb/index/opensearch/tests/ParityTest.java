package eu.urbanagenda.kb.index.opensearch.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.Snippet;
import eu.urbanagenda.kb.index.SortOrder;
import eu.urbanagenda.kb.index.StoredDocument;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.index.opensearch.OpenSearchBackend;
import eu.urbanagenda.kb.index.opensearch.OpenSearchOptions;

/**
 * The desktop index and a cluster, given the same corpus documents (read in place), answer the same: for a sample of
 * the known-item queries and for queries of every syntax, the same totals (files and documents), the same documents
 * with the same copies in the same order where scores are not tied (and the same scores), the same snippets, facets
 * and highlights.
 */
class ParityTest {

    private static final int QUERIES = 60;
    private static final int DOCUMENTS_PER_LANGUAGE = 150;
    private static final double TIE = 1e-5;

    @TempDir
    static Path tmp;
    static KbIndex local;
    static SearchBackend cluster;
    static final List<String> queries = new ArrayList<>();
    static final List<Path> files = new ArrayList<>();

    @BeforeAll
    static void indexTheSameDocuments() throws Exception {
        Path shared = Path.of(System.getProperty("kb.shared", "../shared"));
        Path corpus = shared.resolve("corpus");
        List<String> rows = Files.readAllLines(shared.resolve("eval/known-item-queries.tsv"), StandardCharsets.UTF_8);
        Set<Path> chosen = new LinkedHashSet<>();
        int step = (rows.size() - 1) / QUERIES;
        for (int i = 1; i < rows.size() && queries.size() < QUERIES; i += step) {
            String[] f = rows.get(i).split("\t");
            queries.add(f[3]);
            chosen.add(corpus.resolve(f[1]).resolve(f[4]).toAbsolutePath().normalize());
        }
        for (String lang : List.of("uk", "bg")) {
            try (Stream<Path> list = Files.list(corpus.resolve(lang))) {
                list.sorted().limit(DOCUMENTS_PER_LANGUAGE).forEach(p -> chosen.add(p.toAbsolutePath().normalize()));
            }
        }
        files.addAll(chosen);
        local = KbIndex.open(tmp.resolve("index"));
        String index = Indices.fresh("parity");
        cluster = OpenSearchBackend.open(TestCluster.shared().url(index),
                OpenSearchOptions.builder().workDirectory(tmp.resolve("work")).build());
        for (SearchBackend b : List.of(local, cluster)) {
            UpdateReport r = b.update(UpdateRequest.builder().sources(files).build(), null);
            assertEquals(files.size(), r.documents(), b.location() + ": " + r.summary() + " " + r.skipped());
        }
        // BM25 counts a document written anew until a merge removes the old one. Copies mostly get their group when
        // they are written; a chain of near copies found later has a few written again: merged away here, so that
        // the statistics are the desktop index's (which changes groups in place)
        TestCluster.shared().expungeDeletes(index);
    }

    @AfterAll
    static void close() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void knownItemQueriesFindTheSameDocumentsInTheSameOrder() throws Exception {
        assertEquals(QUERIES, queries.size());
        for (String q : queries) {
            compare(SearchRequest.builder(q).page(0, 10).build());
        }
    }

    @Test
    void everySyntaxGivesTheSameResults() throws Exception {
        for (String q : List.of("\"цифрова трансформація\"", "\"місцевого самоврядування\"~3", "громад*", "*ськ?й",
                "трансформаціі~1", "title:Brexit", "bg:правителството", "uk:вибори", "hromada", "sofiya",
                "tsyfrova transformatsiia", "translit:hromada", "(Київ OR Львів) AND громада", "Європейський NOT союз",
                "NOT громада", "date:[2020 TO 2022]", "year:[2019 TO 2021]", "президент* AND вибор*", "/громад[аи]/",
                "lang:bg AND община", "м’ясо OR мʼясо", "Тръмп OR Байдън", "\"Северен поток\"", "*:*",
                "text:парламент", "Вінниччина:громада", "format:text AND уряд")) {
            compare(SearchRequest.builder(q).page(0, 10).build());
        }
    }

    @Test
    void aPastedParagraphIsTheSamePlainTextQuery() throws Exception {
        // its rarest words are chosen by document frequencies: the reader's on the desktop, counted by the cluster
        for (Path file : List.of(files.get(0), files.get(files.size() - 1))) {
            String[] words = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\s+");
            String paragraph = String.join(" ", List.of(words).subList(0, Math.min(words.length, 80)));
            assertTrue(words.length > 30, file.toString());
            compare(SearchRequest.builder(paragraph).page(0, 10).build());
        }
    }

    @Test
    void filtersSortPagingAndGroupsGiveTheSameResults() throws Exception {
        List<String> someHashes = new ArrayList<>();
        for (SearchHit h : local.search(SearchRequest.builder("громада").page(0, 5).snippets(false).build()).hits()) {
            someHashes.add(h.sha256());
        }
        List<SearchRequest.Builder> requests = List.of(SearchRequest.builder("уряд").languages(List.of("uk")),
                SearchRequest.builder("*:*").years(List.of(2020, 2021)).formats(List.of("text")),
                SearchRequest.builder("громада").page(10, 10),
                SearchRequest.builder("*:*").sort(SortOrder.DATE_DESC).page(0, 20),
                SearchRequest.builder("правителството").sort(SortOrder.DATE_ASC).page(5, 10),
                SearchRequest.builder("*:*").folder(files.get(files.size() - 1).getParent()).page(0, 5),
                SearchRequest.builder("*:*").group("some", someHashes).group("none", List.of())
                        .groupFilter(List.of("some")),
                SearchRequest.builder("громада").group("some", someHashes).languages(List.of("uk", "bg")),
                SearchRequest.builder("парламент").fields(List.of("text_bg", "title")).page(0, 10));
        for (SearchRequest.Builder r : requests) {
            compare(r.build());
        }
    }

    @Test
    void theDocumentViewerShowsTheSameTextAndHighlights() throws Exception {
        for (Path file : List.of(files.get(0), files.get(files.size() - 1))) {
            for (String q : List.of("громада OR община", "hromada OR obshtina", "прав*")) {
                StoredDocument a = local.document(file, q).orElseThrow();
                StoredDocument b = cluster.document(file, q).orElseThrow();
                assertEquals(a, b, file + " with " + q);
            }
        }
    }

    private static void compare(SearchRequest request) throws Exception {
        SearchResult a = local.search(request);
        SearchResult b = cluster.search(request);
        String what = request.query() + " (" + request + ")";
        assertEquals(a.totalHits(), b.totalHits(), what + ": total");
        assertEquals(a.totalDocuments(), b.totalDocuments(), what + ": documents");
        assertEquals(a.facets(), b.facets(), what + ": facets");
        assertEquals(a.hits().size(), b.hits().size(), what + ": page");
        Map<Path, Snippet> snippets = new HashMap<>();
        for (int i = 0; i < a.hits().size(); i++) {
            SearchHit x = a.hits().get(i);
            SearchHit y = b.hits().get(i);
            assertTrue(Float.isNaN(x.score()) && Float.isNaN(y.score()) || Math.abs(x.score() - y.score()) <= TIE
                    * Math.max(1, Math.abs(x.score())), what + ": score at " + i + ": " + x.score() + " / " + y.score());
            snippets.put(x.path(), x.snippet());
        }
        // the same documents in the same order, except within a run of tied hits (same score, same date)
        boolean byDate = request.sort() != SortOrder.RELEVANCE;
        List<Set<String>> runsA = runs(a.hits(), byDate);
        List<Set<String>> runsB = runs(b.hits(), byDate);
        assertEquals(runsA.size(), runsB.size(), what + ": tied runs " + runsA + " / " + runsB);
        for (int i = 0; i < runsA.size(); i++) {
            boolean lastRunMayBeCut = i == runsA.size() - 1;
            if (!lastRunMayBeCut) {
                assertEquals(runsA.get(i), runsB.get(i), what + ": hits of rank run " + i);
            }
        }
        // Wildcard, fuzzy and regular-expression terms are highlighted through their 64 best expansions: on the
        // desktop over the whole index, on the cluster over the documents of the page, so snippets may mark more.
        boolean expanded = request.query().matches(".*[*?~/\\[{].*") && !request.query().equals("*:*");
        for (SearchHit y : b.hits()) {
            if (snippets.containsKey(y.path())) {
                if (expanded) {
                    assertEquals(snippets.get(y.path()) == null, y.snippet() == null, what + ": snippet of " + y.path());
                } else {
                    assertEquals(snippets.get(y.path()), y.snippet(), what + ": snippet of " + y.path());
                }
            }
        }
    }

    /** What orders hits: the score, and first the date when sorted by date. */
    private static Object key(SearchHit h, boolean byDate) {
        long score = Math.round(h.score() / TIE);
        return byDate ? List.of(Objects.toString(h.date()), score) : score;
    }

    /** A document: its file and its copies (which of them a hit shows is a tie between equals). */
    private static String document(SearchHit h) {
        Set<String> files = new TreeSet<>();
        files.add(h.path().toString());
        h.copies().forEach(c -> files.add(c.path().toString()));
        return String.join(" | ", files);
    }

    private static List<Set<String>> runs(List<SearchHit> hits, boolean byDate) {
        List<Set<String>> runs = new ArrayList<>();
        Object previous = null;
        for (SearchHit h : hits) {
            Object k = key(h, byDate);
            if (!k.equals(previous)) {
                runs.add(new TreeSet<>());
                previous = k;
            }
            runs.get(runs.size() - 1).add(document(h));
        }
        return runs;
    }
}

package eu.urbanagenda.kb.viewmodel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.viewmodel.SearchModel;
import eu.urbanagenda.kb.viewmodel.SearchModel.Phase;
import eu.urbanagenda.kb.viewmodel.SearchModel.State;

/** The Search view's model, driven without a display over the real session service and index. */
class SearchModelTest {

    @TempDir
    Path data;

    private ServiceTracker<KbSessionService, KbSessionService> tracker;
    private SearchModel model;
    private final List<String> history = new ArrayList<>();
    private final List<State> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(SearchModelTest.class).getBundleContext(), KbSessionService.class, null);
        tracker.open();
        KbSessionService sessions = tracker.waitForService(10_000);
        sessions.setDataDirectory(data);
        sessions.session().library().ensureIndexed(null);
        model = new SearchModel(sessions, () -> null, new SearchModel.History() {
            @Override
            public List<String> load() {
                return List.copyOf(history);
            }

            @Override
            public void store(List<String> queries) {
                history.clear();
                history.addAll(queries);
            }
        });
        model.addListener(told::add);
    }

    @AfterEach
    void close() {
        model.dispose();
        tracker.close();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 6000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), "the condition came true");
    }

    @Test
    void typingSearchesOnceForTheLastQuery() throws Exception {
        for (String typed : List.of("г", "гр", "гро", "грома", "громада")) {
            model.setQuery(typed);
        }
        waitFor(model::isSettled);
        State state = model.state();
        assertEquals(Phase.DONE, state.phase());
        assertEquals("громада", state.query());
        assertTrue(state.result().totalHits() >= 2, "the Ukrainian seeds about communities");
        assertTrue(told.stream().filter(s -> s.phase() == Phase.DONE).allMatch(s -> s.query().equals("громада")),
                "no answer to a query typed on the way: " + told);
        SearchHit first = state.result().hits().get(0);
        assertTrue(first.snippet().matchedWords().stream().anyMatch(w -> w.toLowerCase().startsWith("громад")), first.snippet().toString());
    }

    @Test
    void filtersPagingAndCounts() throws Exception {
        model.setQuery("*:*");
        waitFor(model::isSettled);
        long all = model.state().result().totalHits();
        assertEquals(all, model.languageCounts().values().stream().mapToLong(Long::longValue).sum());
        model.setLanguage(Language.BG);
        waitFor(model::isSettled);
        assertEquals(model.languageCounts().get("bg").longValue(), model.state().result().totalHits());
        assertTrue(model.state().result().hits().stream().allMatch(h -> h.lang() == Language.BG));
        model.setLanguage(null);
        model.setPartnership("digital-transition");
        waitFor(model::isSettled);
        assertTrue(model.state().result().totalHits() < all, "only the documents linked to the partnership");
        model.setPartnership(null);
        waitFor(model::isSettled);
        assertEquals(all, model.state().result().totalHits());
    }

    @Test
    void copiesOfADocumentAreOneHitAndAPageOfAllDocumentsHasNoMore() throws Exception {
        Path copies = java.nio.file.Files.createDirectories(data.resolve("copies"));
        Path seed = eu.urbanagenda.kb.core.KbLocations.seedDocuments().get(0);
        java.nio.file.Files.copy(seed, copies.resolve("a-copy.md"));
        java.nio.file.Files.copy(seed, copies.resolve("another-copy.md"));
        KbSessionService sessions = tracker.getService();
        sessions.session().library().update(List.of(copies), eu.urbanagenda.kb.index.UpdateRequest.builder(), null);
        model.setQuery("*:*");
        waitFor(model::isSettled);
        State state = model.state();
        assertEquals(state.result().totalHits() - 2, state.result().totalDocuments(), "two files more than documents");
        assertEquals(state.result().totalDocuments(), state.result().hits().size(), "every document on the first page");
        assertTrue(!state.hasMore(), "nothing more to fetch");
        SearchHit hit = state.result().hits().stream().filter(h -> !h.copies().isEmpty()).findFirst().orElseThrow();
        assertEquals(2, hit.copies().size());
    }

    @Test
    void acrossLanguagesWidensAPartnershipsName() throws Exception {
        model.setQuery("digital transition");
        model.setAcrossLanguages(true);
        waitFor(model::isSettled);
        assertNotNull(model.state().expansion());
        assertTrue(model.state().expansion().partnerships().contains("digital-transition"), model.state().expansion().toString());
        assertTrue(model.state().result().hits().stream().anyMatch(h -> h.lang() == Language.BG), "the Bulgarian seed is found");
        model.setAcrossLanguages(false);
        waitFor(model::isSettled);
        assertNull(model.state().expansion());
    }

    @Test
    void aSyntaxErrorIsTheAnswerAndTheHistoryKeepsQueries() throws Exception {
        model.setQuery("(громада");
        waitFor(model::isSettled);
        assertEquals(Phase.FAILED, model.state().phase());
        assertTrue(model.state().failure() instanceof QuerySyntaxException, String.valueOf(model.state().failure()));
        model.remember("громада");
        model.remember("цифрова");
        model.remember("громада");
        assertEquals(List.of("громада", "цифрова"), model.history());
        model.setQuery("");
        waitFor(model::isSettled);
        assertEquals(Phase.EMPTY, model.state().phase());
    }
}

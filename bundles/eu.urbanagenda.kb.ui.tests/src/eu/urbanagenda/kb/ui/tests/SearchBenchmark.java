package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.ui.KbPreferences;
import eu.urbanagenda.kb.ui.search.internal.SearchPerspective;
import eu.urbanagenda.kb.ui.search.internal.view.SearchView;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;
import eu.urbanagenda.kb.viewmodel.SearchModel;

/**
 * How long a search takes in the Search view over the development corpus (3,620 documents). Runs only with
 * KB_BENCH=1 in the environment (it first indexes the corpus, about a minute); writes target/benchmarks-ui.txt.
 */
class SearchBenchmark {

    @Test
    void searchTimesOverTheCorpus() throws Exception {
        assumeTrue("1".equals(System.getenv("KB_BENCH")), "benchmark: set KB_BENCH=1");
        KbSession session = Workbench.session();
        Workbench.waitForIndexing();
        Path corpus = Path.of(System.getProperty("kb.shared"), "corpus").toAbsolutePath().normalize();
        long start = System.nanoTime();
        UpdateReport report = session.library().update(List.of(corpus.resolve("uk"), corpus.resolve("bg")), KbPreferences.updateOptions(),
                new NullProgressMonitor());
        Bench.record("bench: index the corpus (" + report.summary() + ")", (System.nanoTime() - start) / 1_000_000);
        Workbench.page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(SearchPerspective.ID));
        SearchView view = (SearchView) Workbench.page().showView(SearchView.ID);
        for (String query : List.of("громада", "цифрова трансформація", "община", "\"дигитален преход\"", "hromada", "громад*",
                "громада OR община", "закон AND (рада OR парламент)", "громада")) {
            Combo field = view.getQueryField();
            field.setText("");
            UiWait.idle(Workbench.display());
            long typed = System.nanoTime();
            field.setText(query);
            assertTrue(UiWait.until(Workbench.display(), () -> view.isSettled() && view.getModel().state().result() != null));
            long shown = (System.nanoTime() - typed) / 1_000_000;
            Bench.record("bench: '" + query + "' " + view.getModel().state().result().totalHits() + " hits; index "
                    + view.getModel().state().result().took().toMillis() + " ms; job start to hits shown " + view.getModel().state().millis()
                    + " ms; typed to shown (incl. 250 ms pause)", shown);
        }
        // the next page of a large result
        view.getQueryField().setText("громад*");
        assertTrue(UiWait.until(Workbench.display(), () -> view.isSettled() && view.getModel().state().result() != null));
        assertTrue(view.getMoreButton().isVisible(), "more hits than one page");
        long clicked = System.nanoTime();
        Workbench.click(view.getMoreButton());
        assertTrue(UiWait.until(Workbench.display(),
                () -> view.isSettled() && view.getModel().state().result() != null && view.getModel().state().result().hits().size() == 2 * SearchModel.PAGE));
        Bench.record("bench: 'громад*' More: " + 2 * SearchModel.PAGE + " hits shown", (System.nanoTime() - clicked) / 1_000_000);
    }
}

package eu.urbanagenda.kb.ui.internal.overview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.FacetCount;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.KbUi;
import eu.urbanagenda.kb.ui.internal.CommandStackFollower;
import eu.urbanagenda.kb.ui.internal.Messages;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorContent;

/**
 * Charts for people who would rather look than read: the sources linked to each partnership by language (from the
 * knowledge base), and the indexed documents per publication year and language (from the index, counted in a job).
 */
public class OverviewView extends ViewPart implements KbUi.Listener {

    public static final String ID = "eu.urbanagenda.kb.ui.views.overview";

    /** Languages in chart order, with their colours. */
    static final List<String> LANGUAGES = List.of("uk", "bg", "en", "ru", "other");

    private BarChart sourcesChart;
    private BarChart yearsChart;
    private Label indexLabel;
    private List<BarChart.Series> series;
    private final CommandStackFollower stackFollower = new CommandStackFollower(e -> scheduleSources());
    private boolean sourcesPending;
    private Job yearsJob;

    @Override
    public void createPartControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(body);
        SashForm sash = new SashForm(body, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        sourcesChart = new BarChart(sash, true);
        yearsChart = new BarChart(sash, false);
        sash.setWeights(58, 42);
        // side by side in a wide, low place (below the editors), one above the other in a tall one
        sash.addListener(SWT.Resize, e -> {
            org.eclipse.swt.graphics.Rectangle size = sash.getClientArea();
            int orientation = size.width > size.height * 1.3 ? SWT.HORIZONTAL : SWT.VERTICAL;
            if (sash.getOrientation() != orientation) {
                sash.setOrientation(orientation);
            }
        });
        indexLabel = new Label(body, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).indent(6, 2).applyTo(indexLabel);
        Display display = parent.getDisplay();
        series = List.of(new BarChart.Series(Messages.Language_uk, new Color(display, 0x3b, 0x6f, 0xb6)),
                new BarChart.Series(Messages.Language_bg, new Color(display, 0x3a, 0x9d, 0x5d)),
                new BarChart.Series(Messages.Language_en, new Color(display, 0xe0, 0x8e, 0x2b)),
                new BarChart.Series(Messages.Language_ru, new Color(display, 0xb6, 0x4b, 0x4b)),
                new BarChart.Series(Messages.Language_other, new Color(display, 0x99, 0x99, 0x99)));
        KbUi.addListener(this);
        sessionChanged(KbUi.session());
    }

    @Override
    public void sessionChanged(KbSession session) {
        stackFollower.follow(session);
        refreshSources();
        refreshYears();
    }

    @Override
    public void indexChanged(KbSession session) {
        refreshYears();
    }

    private void scheduleSources() {
        if (sourcesPending) {
            return;
        }
        sourcesPending = true;
        sourcesChart.getDisplay().asyncExec(() -> {
            sourcesPending = false;
            refreshSources();
        });
    }

    /** Sources per partnership and language, from the knowledge base (on the UI thread: it is small). */
    void refreshSources() {
        if (sourcesChart == null || sourcesChart.isDisposed()) {
            return;
        }
        KbSession session = KbUi.session();
        List<BarChart.Bar> bars = new ArrayList<>();
        if (session != null) {
            for (Partnership partnership : session.knowledgeBase().getPartnerships()) {
                long[] values = new long[LANGUAGES.size()];
                for (SourceDocument document : NavigatorContent.sources(partnership)) {
                    values[languageIndex(document.isSetLanguage() ? document.getLanguage() : Language.OTHER)]++;
                }
                BarChart.Bar bar = new BarChart.Bar(Localized.name(partnership), values);
                if (bar.total() > 0) {
                    bars.add(bar);
                }
            }
            bars.sort(Comparator.comparingLong(BarChart.Bar::total).reversed().thenComparing(BarChart.Bar::label));
        }
        sourcesChart.setData(Messages.Overview_sourcesTitle, series, bars, Messages.Overview_noSources);
        sourcesChart.getParent().layout();
    }

    private static int languageIndex(Language language) {
        int index = LANGUAGES.indexOf(language.getLiteral());
        return index < 0 ? LANGUAGES.size() - 1 : index;
    }

    /** Indexed documents per year and language: facet counts of the index, counted off the UI thread. */
    void refreshYears() {
        if (yearsJob != null) {
            yearsJob.cancel();
        }
        yearsJob = Job.create(Messages.Overview_countJob, (IProgressMonitor monitor) -> {
            KbSession session = KbUi.session();
            if (session == null) {
                // nothing to count: no stale figures of a session that was closed
                Display.getDefault().asyncExec(() -> showYearsProblem(KbUi.problem() == null ? Messages.Validation_notOpen : ""));
                return Status.OK_STATUS;
            }
            try {
                Map<String, long[]> byYear = new TreeMap<>();
                long total = 0;
                long undated = 0;
                for (int i = 0; i < LANGUAGES.size(); i++) {
                    SearchResult result = session.search(SearchRequest.builder("*:*").languages(List.of(LANGUAGES.get(i)))
                            .page(0, 1).snippets(false).facets(true), List.of());
                    long dated = 0;
                    for (FacetCount year : result.facets().years()) {
                        byYear.computeIfAbsent(year.value(), y -> new long[LANGUAGES.size()])[i] = year.count();
                        dated += year.count();
                    }
                    total += result.totalHits();
                    undated += result.totalHits() - dated;
                }
                long documents = total;
                long withoutDate = undated;
                Map<String, long[]> years = new LinkedHashMap<>(byYear);
                Display.getDefault().asyncExec(() -> showYears(years, documents, withoutDate));
                return Status.OK_STATUS;
            } catch (Exception e) {
                String message = KbUi.describe(e);
                Display.getDefault().asyncExec(() -> showYearsProblem(message));
                return Status.OK_STATUS;
            }
        });
        yearsJob.setSystem(true);
        yearsJob.schedule();
    }

    private void showYears(Map<String, long[]> years, long documents, long undated) {
        if (yearsChart == null || yearsChart.isDisposed()) {
            return;
        }
        List<BarChart.Bar> bars = new ArrayList<>();
        years.forEach((year, values) -> bars.add(new BarChart.Bar(year, values)));
        yearsChart.setData(Messages.Overview_yearsTitle, series, bars, Messages.Overview_noDocuments);
        indexLabel.setText(NLS.bind(Messages.Overview_indexSummary, documents, undated));
        indexLabel.getParent().layout();
    }

    private void showYearsProblem(String message) {
        if (indexLabel != null && !indexLabel.isDisposed()) {
            indexLabel.setText(message);
            yearsChart.setData(Messages.Overview_yearsTitle, series, List.of(), Messages.Overview_noDocuments);
        }
    }

    public BarChart getSourcesChart() {
        return sourcesChart;
    }

    public BarChart getYearsChart() {
        return yearsChart;
    }

    @Override
    public void setFocus() {
        sourcesChart.setFocus();
    }

    @Override
    public void dispose() {
        KbUi.removeListener(this);
        stackFollower.dispose();
        if (yearsJob != null) {
            yearsJob.cancel();
        }
        super.dispose();
    }
}

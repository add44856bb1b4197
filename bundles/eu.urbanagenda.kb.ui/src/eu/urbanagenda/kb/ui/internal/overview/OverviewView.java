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
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.LanguageLabels;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.internal.Messages;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorContent;

/**
 * Charts for people who would rather look than read: the sources linked to each partnership by language (from the
 * knowledge base), and the indexed documents per publication year and language (from the index, counted in a job).
 */
public class OverviewView extends ViewPart implements SessionFollower.Listener {

    public static final String ID = "eu.urbanagenda.kb.ui.views.overview";

    /** Languages in chart order (their colours below). */
    static final List<Language> LANGUAGES = List.of(Language.UK, Language.BG, Language.EN, Language.RU, Language.OTHER);

    private BarChart sourcesChart;
    private BarChart yearsChart;
    private Label indexLabel;
    private List<BarChart.Series> series;
    private SessionFollower follower;
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
        int[][] rgb = { { 0x3b, 0x6f, 0xb6 }, { 0x3a, 0x9d, 0x5d }, { 0xe0, 0x8e, 0x2b }, { 0xb6, 0x4b, 0x4b }, { 0x99, 0x99, 0x99 } };
        List<BarChart.Series> all = new ArrayList<>();
        for (int i = 0; i < LANGUAGES.size(); i++) {
            all.add(new BarChart.Series(LanguageLabels.of(LANGUAGES.get(i)), new Color(display, rgb[i][0], rgb[i][1], rgb[i][2])));
        }
        series = List.copyOf(all);
        follower = new SessionFollower(getSite(), this);
        sessionChanged(follower.session());
    }

    @Override
    public void sessionChanged(KbSession session) {
        refreshSources();
        refreshYears();
    }

    @Override
    public void indexChanged(KbSession session) {
        refreshYears();
    }

    @Override
    public void commandStackChanged() {
        scheduleSources();
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
        KbSession session = follower.session();
        List<BarChart.Bar> bars = new ArrayList<>();
        if (session != null) {
            for (Partnership partnership : session.model().knowledgeBase().getPartnerships()) {
                long[] values = new long[LANGUAGES.size()];
                for (SourceDocument document : NavigatorContent.sources(partnership)) {
                    values[languageIndex(document.isSetLanguage() ? document.getLanguage() : null)]++;
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

    private static int languageIndex(eu.urbanagenda.kb.model.Language language) {
        return LANGUAGES.indexOf(language == null ? Language.OTHER : Language.fromCode(language.getLiteral()));
    }

    /** Indexed documents per year and language: facet counts of the index, counted off the UI thread. */
    void refreshYears() {
        if (yearsJob != null) {
            yearsJob.cancel();
        }
        KbSession session = follower.session();
        String problem = follower.problem().isPresent() ? "" : Messages.Validation_notOpen;
        yearsJob = Job.create(Messages.Overview_countJob, (IProgressMonitor monitor) -> {
            if (session == null) {
                // nothing to count: no stale figures of a session that was closed
                Display.getDefault().asyncExec(() -> showYearsProblem(problem));
                return Status.OK_STATUS;
            }
            try {
                Map<String, long[]> byYear = new TreeMap<>();
                long total = 0;
                long undated = 0;
                for (int i = 0; i < LANGUAGES.size(); i++) {
                    SearchResult result = session.search(SearchRequest.builder("*:*").languages(List.of(LANGUAGES.get(i).code()))
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
                String message = ErrorMessages.describe(e);
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
        if (follower != null) {
            follower.dispose();
        }
        if (yearsJob != null) {
            yearsJob.cancel();
        }
        super.dispose();
    }
}

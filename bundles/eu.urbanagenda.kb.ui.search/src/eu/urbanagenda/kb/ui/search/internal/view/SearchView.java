package eu.urbanagenda.kb.ui.search.internal.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StyledCellLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSourceAdapter;
import org.eclipse.swt.dnd.DragSourceEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.FacetCount;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.link.CrossLanguageQuery;
import eu.urbanagenda.kb.link.CrossLanguageQuery.Expansion;
import eu.urbanagenda.kb.link.LinkVocabulary;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.KbPreferences;
import eu.urbanagenda.kb.ui.KbUi;
import eu.urbanagenda.kb.ui.internal.handlers.KbCommands;
import eu.urbanagenda.kb.ui.search.internal.Messages;
import eu.urbanagenda.kb.ui.search.internal.SearchPlugin;

/**
 * The Search view: a query field with history and syntax help, language and partnership filters with their facet
 * counts, the hits with highlighted passages, how many and how long it took. Searching runs in a job off the UI thread,
 * a moment after typing stops; an answer to an older query is dropped. A hit opens in the document viewer
 * (double-click) and can be dragged onto a partnership in the navigator to link it.
 */
public class SearchView extends ViewPart implements KbUi.Listener {

    public static final String ID = "eu.urbanagenda.kb.ui.search.views.search";
    /** How long typing must pause before a search starts. */
    static final int DEBOUNCE_MILLIS = 250;
    private static final int HISTORY_SIZE = 20;
    private static final String HISTORY_KEY = "history";
    static final List<String> LANGUAGES = List.of("uk", "bg", "ru", "en", "other");
    /** Hits fetched (with their passages) per page; "More" fetches another page. */
    public static final int PAGE = 50;

    private Combo query;
    private Combo languageCombo;
    private Combo partnershipCombo;
    private Button acrossLanguages;
    private Label status;
    private Button more;
    private int limit = PAGE;
    private Label facetsLabel;
    private TableViewer results;
    private Font boldFont;

    /** Values behind the combos' items: "" for all, else a language code or partnership id. */
    private final List<String> languageValues = new ArrayList<>();
    private final List<String> partnershipValues = new ArrayList<>();
    private Facetted lastFacets = Facetted.NONE;

    private final AtomicLong generation = new AtomicLong();
    private Job pendingJob;
    private boolean updatingHistory;
    private volatile String shownQuery = "";
    private volatile long lastSearchMillis = -1;
    private volatile SearchResult lastResult;
    private volatile String lastError;
    private volatile Expansion lastExpansion;
    private volatile long completedGeneration;

    /** Facet counts to show in the filters. */
    private record Facetted(Map<String, Long> languages, Map<String, Long> partnerships) {
        static final Facetted NONE = new Facetted(Map.of(), Map.of());
    }

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        FontData[] bold = parent.getFont().getFontData();
        for (FontData data : bold) {
            data.setStyle(SWT.BOLD);
        }
        boldFont = new Font(parent.getDisplay(), bold);

        Composite top = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(top);
        query = new Combo(top, SWT.DROP_DOWN);
        query.setToolTipText(Messages.Search_queryTooltip);
        query.setItems(history());
        query.setText("");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(query);
        query.addModifyListener(e -> {
            if (!updatingHistory) {
                searchSoon();
            }
        });
        query.addListener(SWT.DefaultSelection, e -> {
            remember(query.getText());
            searchNow();
        });
        query.addListener(SWT.Selection, e -> searchNow());

        ToolBar bar = new ToolBar(top, SWT.FLAT);
        ToolItem help = new ToolItem(bar, SWT.PUSH);
        help.setImage(PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_LCL_LINKTO_HELP));
        help.setToolTipText(Messages.Search_syntaxHelp);
        help.addListener(SWT.Selection, e -> new SyntaxHelp(query.getShell(), query).open());

        acrossLanguages = new Button(top, SWT.CHECK);
        acrossLanguages.setText(Messages.Search_acrossLanguages);
        acrossLanguages.setToolTipText(Messages.Search_acrossLanguagesTooltip);
        acrossLanguages.addListener(SWT.Selection, e -> searchNow());

        Composite filters = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(filters);
        new Label(filters, SWT.NONE).setText(Messages.Search_language);
        languageCombo = new Combo(filters, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().hint(150, SWT.DEFAULT).applyTo(languageCombo);
        new Label(filters, SWT.NONE).setText(Messages.Search_partnership);
        partnershipCombo = new Combo(filters, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(partnershipCombo);
        languageValues.add(KbPreferences.searchLanguage());
        fillLanguages();
        partnershipValues.add("");
        fillPartnerships();
        languageCombo.addListener(SWT.Selection, e -> searchNow());
        partnershipCombo.addListener(SWT.Selection, e -> searchNow());

        Composite statusRow = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(statusRow);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(statusRow);
        status = new Label(statusRow, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(status);
        more = new Button(statusRow, SWT.PUSH);
        more.setText(NLS.bind(Messages.Search_more, PAGE));
        GridDataFactory.fillDefaults().applyTo(more);
        showMore(false);
        more.addListener(SWT.Selection, e -> {
            limit += PAGE;
            schedule(0, false);
        });
        facetsLabel = new Label(parent, SWT.NONE);
        facetsLabel.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(facetsLabel);

        results = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        Table table = results.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        results.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.Search_title, 230, hit -> hit.title() == null || hit.title().isBlank() ? hit.path().getFileName().toString() : hit.title());
        TableViewerColumn passage = new TableViewerColumn(results, SWT.NONE);
        passage.getColumn().setText(Messages.Search_passage);
        passage.getColumn().setWidth(420);
        passage.setLabelProvider(new SnippetLabels());
        column(Messages.Search_lang, 45, SearchHit::lang);
        column(Messages.Search_date, 85, hit -> hit.date() == null ? "" : hit.date().toString());
        column(Messages.Search_score, 55, hit -> Double.isNaN(hit.score()) ? "" : String.format("%.2f", hit.score()));
        results.addDoubleClickListener(e -> openSelected());
        results.addDragSupport(DND.DROP_COPY | DND.DROP_LINK,
                new Transfer[] { LocalSelectionTransfer.getTransfer(), FileTransfer.getInstance() }, new HitDragListener());
        getSite().setSelectionProvider(results);

        KbUi.addListener(this);
        showStatus(Messages.Search_typeToSearch, false);
    }

    private void column(String title, int width, java.util.function.Function<SearchHit, String> text) {
        TableViewerColumn column = new TableViewerColumn(results, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                String value = text.apply((SearchHit) element);
                return value == null ? "" : value;
            }
        });
    }

    /** The passage with the matched words in bold (the index marks them {@code <b>…</b>}). */
    private final class SnippetLabels extends StyledCellLabelProvider {
        @Override
        public void update(ViewerCell cell) {
            SearchHit hit = (SearchHit) cell.getElement();
            String marked = hit.snippet() == null ? "" : hit.snippet().replaceAll("\\s+", " ");
            int first = marked.indexOf("<b>");
            if (first > 60) {
                // the column shows the passage's start: begin a little before the first match
                int from = marked.lastIndexOf(' ', first - 40);
                marked = "… " + marked.substring(from < 0 ? first - 40 : from + 1);
            }
            StringBuilder text = new StringBuilder();
            List<StyleRange> ranges = new ArrayList<>();
            int at = 0;
            while (at < marked.length()) {
                int open = marked.indexOf("<b>", at);
                if (open < 0) {
                    text.append(unescape(marked.substring(at)));
                    break;
                }
                text.append(unescape(marked.substring(at, open)));
                int close = marked.indexOf("</b>", open);
                String word = unescape(marked.substring(open + 3, close < 0 ? marked.length() : close));
                StyleRange range = new StyleRange(text.length(), word.length(), null, null);
                range.font = boldFont;
                ranges.add(range);
                text.append(word);
                at = close < 0 ? marked.length() : close + 4;
            }
            cell.setText(text.toString());
            cell.setStyleRanges(ranges.toArray(new StyleRange[0]));
            super.update(cell);
        }

        @Override
        public String getToolTipText(Object element) {
            return unescape(((SearchHit) element).snippet().replace("<b>", "").replace("</b>", ""));
        }
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private final class HitDragListener extends DragSourceAdapter {
        @Override
        public void dragStart(DragSourceEvent event) {
            IStructuredSelection selection = results.getStructuredSelection();
            event.doit = !selection.isEmpty();
            LocalSelectionTransfer.getTransfer().setSelection(selection);
            remember(query.getText());
        }

        @Override
        public void dragSetData(DragSourceEvent event) {
            if (LocalSelectionTransfer.getTransfer().isSupportedType(event.dataType)) {
                event.data = results.getStructuredSelection();
            } else if (FileTransfer.getInstance().isSupportedType(event.dataType)) {
                List<String> files = new ArrayList<>();
                for (Object element : results.getStructuredSelection()) {
                    files.add(((SearchHit) element).path().toString());
                }
                event.data = files.toArray(new String[0]);
            }
        }

        @Override
        public void dragFinished(DragSourceEvent event) {
            LocalSelectionTransfer.getTransfer().setSelection(null);
        }
    }

    // ------------------------------------------------------------------------------------------------ searching

    /** Searches once typing pauses ({@value #DEBOUNCE_MILLIS} ms). */
    private void searchSoon() {
        schedule(DEBOUNCE_MILLIS, true);
    }

    /** Searches at once (Enter, a filter changed). */
    public void searchNow() {
        schedule(0, true);
    }

    /** What to search for, read on the UI thread; {@code vocabulary} only when searching across languages. */
    private record Request(long generation, String query, String language, String partnership, List<String> fields,
            LinkVocabulary vocabulary, int limit) {
    }

    /**
     * The partnerships' names and keywords in every language, for cross-language search: built from the knowledge base
     * on the UI thread (where the model is edited), again after any change.
     */
    private LinkVocabulary vocabulary() {
        KbSession session = KbUi.session();
        if (session == null) {
            return null;
        }
        if (vocabulary == null || vocabularySession != session) {
            if (vocabularySession != session) {
                if (vocabularySession != null) {
                    vocabularySession.editingDomain().getCommandStack().removeCommandStackListener(vocabularyListener);
                }
                session.editingDomain().getCommandStack().addCommandStackListener(vocabularyListener);
                vocabularySession = session;
            }
            vocabulary = LinkVocabulary.of(session.knowledgeBase());
        }
        return vocabulary;
    }

    private LinkVocabulary vocabulary;
    private KbSession vocabularySession;
    private final CommandStackListener vocabularyListener = e -> vocabulary = null;

    private void schedule(int delay, boolean firstPage) {
        if (query == null || query.isDisposed()) {
            return;
        }
        if (firstPage) {
            limit = PAGE;
        }
        Request request = new Request(generation.incrementAndGet(), query.getText().strip(), selected(languageCombo, languageValues),
                selected(partnershipCombo, partnershipValues), KbPreferences.searchFields(),
                acrossLanguages.getSelection() ? vocabulary() : null, limit);
        if (pendingJob != null) {
            pendingJob.cancel();
        }
        if (request.query().isEmpty()) {
            results.setInput(List.of());
            showStatus(Messages.Search_typeToSearch, false);
            facetsLabel.setText("");
            showMore(false);
            completedGeneration = request.generation();
            return;
        }
        Display display = query.getDisplay();
        Job job = Job.create(Messages.Search_job, (IProgressMonitor monitor) -> {
            if (request.generation() != generation.get() || monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            long start = System.nanoTime();
            KbSession session = KbUi.sessionOrOpen();
            if (session == null) {
                display.asyncExec(() -> showProblem(request, KbUi.problem() == null ? Messages.Search_notOpen : KbUi.problem()));
                return Status.OK_STATUS;
            }
            try {
                Expansion expansion = request.vocabulary() == null ? null : CrossLanguageQuery.expand(request.query(), request.vocabulary());
                String text = expansion == null ? request.query() : expansion.query();
                SearchRequest.Builder builder = SearchRequest.builder(text).page(0, request.limit());
                if (request.fields() != null) {
                    builder.fields(request.fields());
                }
                if (!request.language().isEmpty()) {
                    builder.languages(List.of(request.language()));
                }
                SearchResult result = session.search(builder,
                        request.partnership().isEmpty() ? List.of() : List.of(request.partnership()));
                display.asyncExec(() -> show(request, expansion, result, start));
            } catch (QuerySyntaxException e) {
                display.asyncExec(() -> showProblem(request, e.getMessage()));
            } catch (Exception e) {
                display.asyncExec(() -> showProblem(request, KbUi.describe(e)));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.setPriority(Job.INTERACTIVE);
        pendingJob = job;
        job.schedule(delay);
    }

    private void show(Request request, Expansion expansion, SearchResult result, long startNanos) {
        if (results.getControl().isDisposed() || request.generation() != generation.get()) {
            return; // an answer to an older query
        }
        lastResult = result;
        lastError = null;
        lastExpansion = expansion;
        shownQuery = expansion == null ? request.query() : expansion.query();
        results.setInput(result.hits());
        lastSearchMillis = (System.nanoTime() - startNanos) / 1_000_000;
        long took = result.took().toMillis();
        String shown = result.hits().size() < result.totalHits()
                ? NLS.bind(Messages.Search_hitsShown, new Object[] { result.totalHits(), took, result.hits().size() })
                : NLS.bind(Messages.Search_hits, result.totalHits(), took);
        if (expansion != null) {
            shown += "  " + (expansion.expanded() ? NLS.bind(Messages.Search_expanded, String.join(", ", expansion.added()))
                    : Messages.Search_notExpanded);
        }
        showStatus(shown, false);
        showMore(result.hits().size() < result.totalHits());
        Map<String, Long> languages = new LinkedHashMap<>();
        result.facets().languages().forEach(f -> languages.put(f.value(), f.count()));
        Map<String, Long> partnerships = new LinkedHashMap<>();
        result.facets().groups().forEach(f -> partnerships.put(f.value(), f.count()));
        lastFacets = new Facetted(languages, partnerships);
        fillLanguages();
        fillPartnerships();
        facetsLabel.setText(NLS.bind(Messages.Search_facets, facet(result.facets().years(), 6), facet(result.facets().formats(), 3)));
        completedGeneration = request.generation();
    }

    private static String facet(List<FacetCount> counts, int max) {
        List<String> parts = new ArrayList<>();
        for (FacetCount count : counts.subList(0, Math.min(max, counts.size()))) {
            parts.add(count.value() + " (" + count.count() + ")");
        }
        return parts.isEmpty() ? "–" : String.join(", ", parts) + (counts.size() > max ? ", …" : "");
    }

    private void showProblem(Request request, String message) {
        if (results.getControl().isDisposed() || request.generation() != generation.get()) {
            return;
        }
        lastResult = null;
        lastError = message;
        showMore(false);
        results.setInput(List.of());
        facetsLabel.setText("");
        showStatus(message, true);
        completedGeneration = request.generation();
    }

    /** The More button takes room only when shown. */
    private void showMore(boolean visible) {
        if (more.getVisible() != visible || ((org.eclipse.swt.layout.GridData) more.getLayoutData()).exclude == visible) {
            more.setVisible(visible);
            ((org.eclipse.swt.layout.GridData) more.getLayoutData()).exclude = !visible;
            more.getParent().layout(true);
        }
    }

    private void showStatus(String text, boolean error) {
        status.setText(text);
        status.setToolTipText(text);
        status.setForeground(error ? status.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
    }

    // ------------------------------------------------------------------------------------------------ filters

    private static String selected(Combo combo, List<String> values) {
        int index = combo.getSelectionIndex();
        return index < 0 || index >= values.size() ? "" : values.get(index);
    }

    private void fillLanguages() {
        String current = languageCombo.getItemCount() == 0 ? languageValues.get(0) : selected(languageCombo, languageValues);
        languageValues.clear();
        List<String> items = new ArrayList<>();
        languageValues.add("");
        items.add(Messages.Search_allLanguages);
        for (String code : LANGUAGES) {
            languageValues.add(code);
            items.add(withCount(languageName(code), lastFacets.languages().get(code)));
        }
        languageCombo.setItems(items.toArray(new String[0]));
        languageCombo.select(Math.max(0, languageValues.indexOf(current)));
    }

    private void fillPartnerships() {
        String current = partnershipCombo.getItemCount() == 0 ? "" : selected(partnershipCombo, partnershipValues);
        partnershipValues.clear();
        List<String> items = new ArrayList<>();
        partnershipValues.add("");
        items.add(Messages.Search_allPartnerships);
        KbSession session = KbUi.session();
        if (session != null) {
            List<Partnership> partnerships = new ArrayList<>(session.knowledgeBase().getPartnerships());
            partnerships.sort(Comparator.comparing(Localized::name));
            for (Partnership partnership : partnerships) {
                partnershipValues.add(partnership.getId());
                items.add(withCount(Localized.name(partnership), lastFacets.partnerships().get(partnership.getId())));
            }
        }
        partnershipCombo.setItems(items.toArray(new String[0]));
        partnershipCombo.select(Math.max(0, partnershipValues.indexOf(current)));
    }

    private static String withCount(String label, Long count) {
        return count == null ? label : label + " (" + count + ")";
    }

    static String languageName(String code) {
        switch (code) {
        case "uk":
            return eu.urbanagenda.kb.ui.internal.Messages.Language_uk;
        case "bg":
            return eu.urbanagenda.kb.ui.internal.Messages.Language_bg;
        case "ru":
            return eu.urbanagenda.kb.ui.internal.Messages.Language_ru;
        case "en":
            return eu.urbanagenda.kb.ui.internal.Messages.Language_en;
        default:
            return eu.urbanagenda.kb.ui.internal.Messages.Language_other;
        }
    }

    // ------------------------------------------------------------------------------------------------ history

    private IDialogSettings settings() {
        IDialogSettings root = PlatformUI.getDialogSettingsProvider(SearchPlugin.bundle()).getDialogSettings();
        IDialogSettings section = root.getSection(ID);
        return section == null ? root.addNewSection(ID) : section;
    }

    private String[] history() {
        String[] saved = settings().getArray(HISTORY_KEY);
        return saved == null ? new String[0] : saved;
    }

    /** Puts a query at the top of the history (kept in the dialog settings between sessions). */
    void remember(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return;
        }
        List<String> history = new ArrayList<>(Arrays.asList(history()));
        history.remove(value);
        history.add(0, value);
        while (history.size() > HISTORY_SIZE) {
            history.remove(history.size() - 1);
        }
        settings().put(HISTORY_KEY, history.toArray(new String[0]));
        String typed = query.getText();
        updatingHistory = true;
        try {
            query.setItems(history.toArray(new String[0]));
            query.setText(typed);
            query.setSelection(new org.eclipse.swt.graphics.Point(typed.length(), typed.length()));
        } finally {
            updatingHistory = false;
        }
    }

    // ------------------------------------------------------------------------------------------------ opening

    private void openSelected() {
        if (!(results.getStructuredSelection().getFirstElement() instanceof SearchHit hit)) {
            return;
        }
        remember(query.getText());
        open(hit.path(), shownQuery);
    }

    private void open(Path file, String text) {
        try {
            KbCommands.openDocument(file, text, getSite());
        } catch (Exception e) {
            showStatus(KbUi.describe(e), true);
        }
    }

    @Override
    public void sessionChanged(KbSession session) {
        if (partnershipCombo != null && !partnershipCombo.isDisposed()) {
            fillPartnerships();
            if (!query.getText().isBlank()) {
                searchNow();
            }
        }
    }

    @Override
    public void indexChanged(KbSession session) {
        if (query != null && !query.isDisposed() && !query.getText().isBlank()) {
            searchNow();
        }
    }

    // ------------------------------------------------------------------------------------------------ for tests

    public Combo getQueryField() {
        return query;
    }

    public Combo getLanguageCombo() {
        return languageCombo;
    }

    public Combo getPartnershipCombo() {
        return partnershipCombo;
    }

    public Button getMoreButton() {
        return more;
    }

    public Button getAcrossLanguagesButton() {
        return acrossLanguages;
    }

    public TableViewer getResultsViewer() {
        return results;
    }

    public String getStatusText() {
        return status.getText();
    }

    public String getFacetsText() {
        return facetsLabel.getText();
    }

    /** Whether the answer to the latest query (or filter change) is shown. */
    public boolean isSettled() {
        return completedGeneration == generation.get();
    }

    public SearchResult getLastResult() {
        return lastResult;
    }

    public String getLastError() {
        return lastError;
    }

    /** How the last query was widened across languages ({@code null}: the switch was off). */
    public Expansion getLastExpansion() {
        return lastExpansion;
    }

    /** Milliseconds from the job's start to the hits being shown, for the last search (-1: none yet). */
    public long getLastSearchMillis() {
        return lastSearchMillis;
    }

    @Override
    public void setFocus() {
        query.setFocus();
    }

    @Override
    public void dispose() {
        KbUi.removeListener(this);
        if (vocabularySession != null) {
            vocabularySession.editingDomain().getCommandStack().removeCommandStackListener(vocabularyListener);
        }
        if (pendingJob != null) {
            pendingJob.cancel();
        }
        if (boldFont != null) {
            boldFont.dispose();
        }
        super.dispose();
    }
}

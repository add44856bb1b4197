package eu.urbanagenda.kb.ui.search.internal.view;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
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
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.FacetCount;
import eu.urbanagenda.kb.index.Highlight;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.KbPreferences;
import eu.urbanagenda.kb.ui.LanguageLabels;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.search.internal.Columns;
import eu.urbanagenda.kb.ui.search.internal.DocumentLabels;
import eu.urbanagenda.kb.ui.search.internal.Messages;
import eu.urbanagenda.kb.ui.search.internal.SearchPlugin;
import eu.urbanagenda.kb.ui.search.internal.viewer.OpenDocumentHandler;
import eu.urbanagenda.kb.viewmodel.SearchModel.Phase;
import eu.urbanagenda.kb.viewmodel.SearchModel.State;
import eu.urbanagenda.kb.viewmodel.SearchModel;

/**
 * The Search view: widgets over a {@link SearchModel}, which searches. A query field with history and syntax help,
 * language and partnership filters with their facet counts, the hits with the matched words in bold, how many
 * documents (and files) and how long it took. A document in several files (copies, a PDF export, a scan) is one hit
 * with the number of its other files. A hit opens in the document viewer (double-click, or Open in its menu; a document
 * in several files asks which, or Open File names it) and can be dragged onto a partnership in the navigator to link
 * it.
 */
public class SearchView extends ViewPart implements SessionFollower.Listener {

    public static final String ID = "eu.urbanagenda.kb.ui.search.views.search";
    private static final String HISTORY_KEY = "history";

    private SessionFollower follower;
    private SearchModel model;
    private Combo query;
    private Combo languageCombo;
    private Combo partnershipCombo;
    private Button acrossLanguages;
    private Label status;
    private Button more;
    private Label facetsLabel;
    private TableViewer results;
    private Font boldFont;
    private boolean updatingHistory;
    private final List<String> partnershipIds = new ArrayList<>();
    private volatile long shownGeneration = -1;

    @Override
    public void createPartControl(Composite parent) {
        follower = new SessionFollower(getSite(), this);
        model = new SearchModel(follower.service(), KbPreferences::searchFields, new DialogSettingsHistory());
        FontData[] bold = parent.getFont().getFontData();
        for (FontData data : bold) {
            data.setStyle(SWT.BOLD);
        }
        boldFont = new Font(parent.getDisplay(), bold);
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);
        createQueryRow(parent);
        createFilters(parent);
        createStatusRow(parent);
        createResults(parent);
        model.addListener(state -> parent.getDisplay().asyncExec(() -> show(state)));
        show(model.state());
    }

    private void createQueryRow(Composite parent) {
        Composite top = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(top);
        query = new Combo(top, SWT.DROP_DOWN);
        query.setToolTipText(Messages.Search_queryTooltip);
        query.setItems(model.history().toArray(new String[0]));
        query.setText("");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(query);
        query.addModifyListener(e -> {
            if (!updatingHistory) {
                model.setQuery(query.getText());
            }
        });
        query.addListener(SWT.DefaultSelection, e -> {
            remember();
            model.searchNow();
        });
        query.addListener(SWT.Selection, e -> model.setQuery(query.getText()));

        ToolBar bar = new ToolBar(top, SWT.FLAT);
        ToolItem help = new ToolItem(bar, SWT.PUSH);
        help.setImage(PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_LCL_LINKTO_HELP));
        help.setToolTipText(Messages.Search_syntaxHelp);
        help.addListener(SWT.Selection, e -> new SyntaxHelp(query.getShell(), query).open());

        acrossLanguages = new Button(top, SWT.CHECK);
        acrossLanguages.setText(Messages.Search_acrossLanguages);
        acrossLanguages.setToolTipText(Messages.Search_acrossLanguagesTooltip);
        acrossLanguages.addListener(SWT.Selection, e -> model.setAcrossLanguages(acrossLanguages.getSelection()));
    }

    private void createFilters(Composite parent) {
        Composite filters = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(filters);
        new Label(filters, SWT.NONE).setText(Messages.Search_language);
        languageCombo = new Combo(filters, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().hint(150, SWT.DEFAULT).applyTo(languageCombo);
        new Label(filters, SWT.NONE).setText(Messages.Search_partnership);
        partnershipCombo = new Combo(filters, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(partnershipCombo);
        String preferred = KbPreferences.searchLanguage();
        if (!preferred.isEmpty()) {
            model.setLanguage(Language.fromCode(preferred));
        }
        fillLanguages();
        fillPartnerships();
        languageCombo.addListener(SWT.Selection, e -> {
            int index = languageCombo.getSelectionIndex();
            model.setLanguage(index <= 0 ? null : Language.values()[index - 1]);
        });
        partnershipCombo.addListener(SWT.Selection, e -> {
            int index = partnershipCombo.getSelectionIndex();
            model.setPartnership(index <= 0 ? null : partnershipIds.get(index - 1));
        });
    }

    private void createStatusRow(Composite parent) {
        Composite statusRow = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(statusRow);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(statusRow);
        status = new Label(statusRow, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(status);
        more = new Button(statusRow, SWT.PUSH);
        more.setText(NLS.bind(Messages.Search_more, SearchModel.PAGE));
        GridDataFactory.fillDefaults().applyTo(more);
        more.addListener(SWT.Selection, e -> model.more());
        facetsLabel = new Label(parent, SWT.NONE);
        facetsLabel.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(facetsLabel);
    }

    private void createResults(Composite parent) {
        results = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        Table table = results.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        results.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(results);
        column(Messages.Search_title, 210, SWT.LEFT, SearchView::title, SearchView::title);
        // a document in several files is one hit: how many others, and in the tooltip which
        column(Messages.Search_files, 0, SWT.CENTER, hit -> hit.copies().isEmpty() ? "" : "+" + hit.copies().size(),
                hit -> hit.copies().isEmpty() ? null : filesOf(hit));
        TableViewerColumn passage = new TableViewerColumn(results, SWT.NONE);
        passage.getColumn().setText(Messages.Search_passage);
        passage.getColumn().setWidth(380);
        passage.setLabelProvider(new PassageLabels());
        column(Messages.Search_lang, 45, SWT.LEFT, hit -> hit.lang().code(), null);
        column(Messages.Search_format, 75, SWT.LEFT,
                hit -> DocumentLabels.shortFormat(hit.format(), hit.metadata().ocrConfidence()),
                hit -> DocumentLabels.format(hit.format(), hit.metadata().ocrConfidence()));
        column(Messages.Search_date, 85, SWT.LEFT, hit -> hit.date() == null ? "" : hit.date().toString(), null);
        column(Messages.Search_score, 55, SWT.LEFT, hit -> Double.isNaN(hit.score()) ? "" : String.format("%.2f", hit.score()), null);
        results.addDoubleClickListener(e -> openSelected());
        results.addDragSupport(DND.DROP_COPY | DND.DROP_LINK,
                new Transfer[] { LocalSelectionTransfer.getTransfer(), FileTransfer.getInstance() }, new HitDragListener());
        createContextMenu();
        getSite().setSelectionProvider(results);
    }

    private static String title(SearchHit hit) {
        return hit.title() == null || hit.title().isBlank() ? DocumentLabels.name(hit.path()) : hit.title();
    }

    /** The files of a document, one a line: name, format and folder. */
    private static String filesOf(SearchHit hit) {
        List<String> lines = new ArrayList<>();
        lines.add(fileLine(hit.path(), DocumentLabels.format(hit.format(), hit.metadata().ocrConfidence())));
        for (SearchHit.Copy copy : hit.copies()) {
            lines.add(fileLine(copy.path(), DocumentLabels.format(copy.format(), copy.ocrConfidence())));
        }
        return NLS.bind(Messages.Search_filesTooltip, lines.size(), String.join("\n", lines));
    }

    private static String fileLine(Path file, String format) {
        return DocumentLabels.name(file) + " — " + format + " — " + DocumentLabels.location(file);
    }

    private void column(String title, int width, int alignment, Function<SearchHit, String> text,
            Function<SearchHit, String> toolTip) {
        Columns.add(results, title, width, alignment, text, toolTip, null);
    }

    /** Open, and for a document in several files, Open File with each of them. */
    private void createContextMenu() {
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillContextMenu);
        results.getControl().setMenu(menu.createContextMenu(results.getControl()));
        getSite().registerContextMenu(menu, results);
    }

    private void fillContextMenu(IMenuManager menu) {
        if (results.getStructuredSelection().getFirstElement() instanceof SearchHit hit) {
            menu.add(action(Messages.Search_open, this::openSelected));
            if (!hit.copies().isEmpty()) {
                MenuManager files = new MenuManager(Messages.Search_openFile);
                files.add(openFileAction(hit.path(), DocumentLabels.format(hit.format(), hit.metadata().ocrConfidence())));
                for (SearchHit.Copy copy : hit.copies()) {
                    files.add(openFileAction(copy.path(), DocumentLabels.format(copy.format(), copy.ocrConfidence())));
                }
                menu.add(files);
            }
        }
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
    }

    private Action openFileAction(Path file, String format) {
        return action(fileLine(file, format).replace("&", "&&"), () -> open(file));
    }

    private static Action action(String label, Runnable run) {
        return new Action(label) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    /** The passage with the matched words in bold, from a little before the first match. */
    private final class PassageLabels extends StyledCellLabelProvider {
        @Override
        public void update(ViewerCell cell) {
            SearchHit hit = (SearchHit) cell.getElement();
            String text = hit.snippet() == null ? "" : hit.snippet().text();
            List<Highlight> highlights = hit.snippet() == null ? List.of() : hit.snippet().highlights();
            int from = 0;
            String prefix = "";
            if (!highlights.isEmpty() && highlights.get(0).start() > 60) {
                // the column shows the passage's start: begin a little before the first match
                int space = text.lastIndexOf(' ', highlights.get(0).start() - 40);
                from = space < 0 ? highlights.get(0).start() - 40 : space + 1;
                prefix = "… ";
            }
            List<StyleRange> ranges = new ArrayList<>();
            for (Highlight h : highlights) {
                if (h.start() >= from) {
                    StyleRange range = new StyleRange(prefix.length() + h.start() - from, h.end() - h.start(), null, null);
                    range.font = boldFont;
                    ranges.add(range);
                }
            }
            cell.setText(prefix + text.substring(from));
            cell.setStyleRanges(ranges.toArray(new StyleRange[0]));
            super.update(cell);
        }

        @Override
        public String getToolTipText(Object element) {
            SearchHit hit = (SearchHit) element;
            return hit.snippet() == null ? null : hit.snippet().text();
        }
    }

    private final class HitDragListener extends DragSourceAdapter {
        @Override
        public void dragStart(DragSourceEvent event) {
            IStructuredSelection selection = results.getStructuredSelection();
            event.doit = !selection.isEmpty();
            LocalSelectionTransfer.getTransfer().setSelection(selection);
            remember();
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

    // ------------------------------------------------------------------------------------------------ rendering

    /** Shows a state of the model (on the UI thread). */
    private void show(State state) {
        if (results.getControl().isDisposed() || state.generation() != model.state().generation()) {
            return; // a newer state is on its way
        }
        switch (state.phase()) {
        case EMPTY -> showMessage(Messages.Search_typeToSearch, false);
        case SEARCHING -> {
            return; // the previous answer stays until this one is there
        }
        case FAILED -> showMessage(ErrorMessages.describe(state.failure()), true);
        case DONE -> showResult(state);
        }
        shownGeneration = state.generation();
    }

    private void showMessage(String message, boolean error) {
        results.setInput(List.of());
        facetsLabel.setText("");
        showMore(false);
        showStatus(message, error);
    }

    private void showResult(State state) {
        SearchResult result = state.result();
        // the same search again (the index changed): the files selected stay selected
        Set<Path> selected = new HashSet<>();
        for (Object element : results.getStructuredSelection()) {
            selected.add(((SearchHit) element).path());
        }
        results.setInput(result.hits());
        if (!selected.isEmpty()) {
            results.setSelection(new StructuredSelection(
                    result.hits().stream().filter(hit -> selected.contains(hit.path())).toList()));
        }
        long took = result.took().toMillis();
        String shown = result.totalDocuments() == result.totalHits()
                ? NLS.bind(Messages.Search_count, result.totalDocuments(), took)
                : NLS.bind(Messages.Search_countFiles, new Object[] { result.totalDocuments(), result.totalHits(), took });
        if (state.hasMore()) {
            shown += " " + NLS.bind(Messages.Search_firstShown, result.hits().size());
        }
        if (state.expansion() != null) {
            shown += "  " + (state.expansion().expanded()
                    ? NLS.bind(Messages.Search_expanded, String.join(", ", state.expansion().added()))
                    : Messages.Search_notExpanded);
        }
        showStatus(shown, false);
        showMore(state.hasMore());
        fillLanguages();
        fillPartnerships();
        facetsLabel.setText(NLS.bind(Messages.Search_facets, facet(result.facets().years(), 6), facet(result.facets().formats(), 3)));
    }

    private static String facet(List<FacetCount> counts, int max) {
        List<String> parts = new ArrayList<>();
        for (FacetCount count : counts.subList(0, Math.min(max, counts.size()))) {
            parts.add(count.value() + " (" + count.count() + ")");
        }
        return parts.isEmpty() ? "–" : String.join(", ", parts) + (counts.size() > max ? ", …" : "");
    }

    /** The More button takes room only when shown. */
    private void showMore(boolean visible) {
        GridData data = (GridData) more.getLayoutData();
        if (more.getVisible() != visible || data.exclude == visible) {
            more.setVisible(visible);
            data.exclude = !visible;
            more.getParent().layout(true);
        }
    }

    private void showStatus(String text, boolean error) {
        status.setText(text);
        status.setToolTipText(text);
        status.setForeground(error ? status.getDisplay().getSystemColor(SWT.COLOR_RED) : null);
    }

    private void fillLanguages() {
        List<String> items = new ArrayList<>();
        items.add(Messages.Search_allLanguages);
        for (Language language : Language.values()) {
            items.add(withCount(LanguageLabels.of(language), model.languageCounts().get(language.code())));
        }
        languageCombo.setItems(items.toArray(new String[0]));
        languageCombo.select(model.language() == null ? 0 : model.language().ordinal() + 1);
    }

    private void fillPartnerships() {
        List<String> items = new ArrayList<>();
        items.add(Messages.Search_allPartnerships);
        partnershipIds.clear();
        KbSession session = follower.session();
        if (session != null) {
            List<Partnership> partnerships = new ArrayList<>(session.model().knowledgeBase().getPartnerships());
            partnerships.sort(Comparator.comparing(Localized::name));
            for (Partnership partnership : partnerships) {
                partnershipIds.add(partnership.getId());
                items.add(withCount(Localized.name(partnership), model.partnershipCounts().get(partnership.getId())));
            }
        }
        partnershipCombo.setItems(items.toArray(new String[0]));
        partnershipCombo.select(partnershipIds.indexOf(model.partnership()) + 1);
    }

    private static String withCount(String label, Long count) {
        return count == null ? label : label + " (" + count + ")";
    }

    // ------------------------------------------------------------------------------------------------ history

    /** The history of queries in the dialog settings, kept between sessions. */
    private final class DialogSettingsHistory implements SearchModel.History {
        private IDialogSettings settings() {
            IDialogSettings root = PlatformUI.getDialogSettingsProvider(SearchPlugin.bundle()).getDialogSettings();
            IDialogSettings section = root.getSection(ID);
            return section == null ? root.addNewSection(ID) : section;
        }

        @Override
        public List<String> load() {
            String[] saved = settings().getArray(HISTORY_KEY);
            return saved == null ? List.of() : Arrays.asList(saved);
        }

        @Override
        public void store(List<String> queries) {
            settings().put(HISTORY_KEY, queries.toArray(new String[0]));
        }
    }

    /** Puts the query at the top of the history, keeping what is typed. */
    private void remember() {
        model.remember(query.getText());
        String typed = query.getText();
        updatingHistory = true;
        try {
            query.setItems(model.history().toArray(new String[0]));
            query.setText(typed);
            query.setSelection(new Point(typed.length(), typed.length()));
        } finally {
            updatingHistory = false;
        }
    }

    // ------------------------------------------------------------------------------------------------ opening

    /** Opens the selected hit (a document in several files asks which). */
    private void openSelected() {
        if (results.getStructuredSelection().getFirstElement() instanceof SearchHit hit) {
            remember();
            try {
                OpenDocumentHandler.openHit(getSite().getPage(), getSite().getShell(), hit, model.state().shownQuery());
            } catch (Exception e) {
                showStatus(ErrorMessages.describe(e), true);
            }
        }
    }

    /** Opens one file of the selected hit's document. */
    private void open(Path file) {
        remember();
        try {
            OpenDocumentHandler.open(getSite().getPage(), file, model.state().shownQuery());
        } catch (Exception e) {
            showStatus(ErrorMessages.describe(e), true);
        }
    }

    @Override
    public void sessionChanged(KbSession session) {
        if (partnershipCombo != null && !partnershipCombo.isDisposed()) {
            fillPartnerships();
            model.searchNow();
        }
    }

    @Override
    public void indexChanged(KbSession session) {
        model.searchNow();
    }

    // ------------------------------------------------------------------------------------------------ for tests

    /** The model under this view. */
    public SearchModel getModel() {
        return model;
    }

    /** Whether the answer to the model's latest request is shown. */
    public boolean isSettled() {
        return model.isSettled() && shownGeneration == model.state().generation();
    }

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

    @Override
    public void setFocus() {
        query.setFocus();
    }

    @Override
    public void dispose() {
        if (model != null) {
            model.dispose();
        }
        if (follower != null) {
            follower.dispose();
        }
        if (boldFont != null) {
            boldFont.dispose();
        }
        super.dispose();
    }
}

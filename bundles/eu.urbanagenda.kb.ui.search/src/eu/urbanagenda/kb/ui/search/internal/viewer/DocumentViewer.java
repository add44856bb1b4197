package eu.urbanagenda.kb.ui.search.internal.viewer;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.Highlight;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.StoredDocument;
import eu.urbanagenda.kb.ingest.EncodingSource;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.LanguageLabels;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.search.internal.Messages;

/**
 * The document viewer: a source document as the index holds it, its matches of the query highlighted (previous / next
 * match), with its metadata: title, language, encoding (and how it was chosen), format, date, size, file, SHA-256 and
 * the partnerships it is linked to. Read-only; the text is loaded in a job.
 */
public class DocumentViewer extends EditorPart implements SessionFollower.Listener {

    public static final String ID = "eu.urbanagenda.kb.ui.search.editors.document";

    private Label title;
    private Composite metadata;
    private Label matches;
    private Button previous;
    private Button next;
    private StyledText text;
    private Font titleFont;
    private Color highlight;
    private StoredDocument document;
    private List<Highlight> highlights = List.of();
    private SessionFollower follower;
    private int current = -1;
    private volatile boolean loaded;
    private Job loading;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof DocumentEditorInput)) {
            throw new PartInitException(input.getName());
        }
        setSite(site);
        setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
        follower = new SessionFollower(site, this);
    }

    private DocumentEditorInput input() {
        return (DocumentEditorInput) getEditorInput();
    }

    @Override
    public void createPartControl(Composite parent) {
        Display display = parent.getDisplay();
        Composite body = new Composite(parent, SWT.NONE);
        body.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        GridLayoutFactory.fillDefaults().margins(10, 8).spacing(6, 6).applyTo(body);
        FontData[] data = parent.getFont().getFontData();
        for (FontData each : data) {
            each.setHeight(each.getHeight() + 3);
            each.setStyle(SWT.BOLD);
        }
        titleFont = new Font(display, data);
        highlight = new Color(display, 0xff, 0xe0, 0x66);

        title = new Label(body, SWT.WRAP);
        title.setFont(titleFont);
        title.setBackground(body.getBackground());
        title.setText(input().getName());
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(title);

        metadata = new Composite(body, SWT.NONE);
        metadata.setBackground(body.getBackground());
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(12, 2).applyTo(metadata);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(metadata);

        Composite navigation = new Composite(body, SWT.NONE);
        navigation.setBackground(body.getBackground());
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(navigation);
        matches = new Label(navigation, SWT.NONE);
        matches.setBackground(body.getBackground());
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(matches);
        previous = new Button(navigation, SWT.PUSH);
        previous.setText(Messages.Viewer_previous);
        previous.addListener(SWT.Selection, e -> reveal(current - 1));
        next = new Button(navigation, SWT.PUSH);
        next.setText(Messages.Viewer_next);
        next.addListener(SWT.Selection, e -> reveal(current + 1));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(navigation);

        text = new StyledText(body, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        text.setMargins(8, 6, 8, 6);
        text.setText(Messages.Viewer_loading);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(text);
        load();
    }

    /** Shows the matches of another query (the viewer of this document was open already). */
    public void setQuery(String query) {
        setInputWithNotify(new DocumentEditorInput(input().getPath(), query));
        load();
    }

    private void load() {
        if (loading != null) {
            loading.cancel();
        }
        loaded = false;
        Path path = input().getPath();
        String query = input().getQuery();
        Display display = text.getDisplay();
        loading = Job.create(NLS.bind(Messages.Viewer_job, path.getFileName()), (IProgressMonitor monitor) -> {
            try {
                KbSession session = follower.service().session();
                String problem = null;
                Optional<StoredDocument> found;
                try {
                    found = session.library().index().document(path, query.isBlank() ? null : query);
                } catch (QuerySyntaxException e) {
                    problem = e.getMessage();
                    found = session.library().index().document(path, null);
                }
                String queryProblem = problem;
                if (found.isEmpty()) {
                    display.asyncExec(() -> showProblem(NLS.bind(Messages.Viewer_notIndexed, path)));
                } else {
                    StoredDocument stored = found.get();
                    List<String> linked = new ArrayList<>();
                    display.syncExec(() -> {
                        for (String id : session.links().partnershipsOf(stored.sha256())) {
                            linked.add(session.model().partnership(id).map(Localized::name).orElse(id));
                        }
                    });
                    display.asyncExec(() -> show(stored, linked, queryProblem));
                }
            } catch (Exception e) {
                display.asyncExec(() -> showProblem(ErrorMessages.describe(e)));
            }
            return Status.OK_STATUS;
        });
        loading.setSystem(true);
        loading.schedule();
    }

    private void show(StoredDocument stored, List<String> partnerships, String queryProblem) {
        if (text == null || text.isDisposed()) {
            return;
        }
        document = stored;
        String documentTitle = stored.title() == null || stored.title().isBlank() ? input().getName() : stored.title();
        title.setText(documentTitle);
        setPartName(shorten(documentTitle, 40));
        for (var child : metadata.getChildren()) {
            child.dispose();
        }
        String encoding = stored.encoding() == null ? "–"
                : encodingSource(stored.encodingSource()) == null ? stored.encoding()
                        : stored.encoding() + " (" + encodingSource(stored.encodingSource()) + ")";
        field(Messages.Viewer_language, LanguageLabels.of(stored.lang()));
        field(Messages.Viewer_encoding, encoding);
        field(Messages.Viewer_format, stored.format() == null ? "–" : stored.format().id());
        field(Messages.Viewer_date, stored.date() == null ? "–" : stored.date().toString());
        field(Messages.Viewer_size, NumberFormat.getIntegerInstance().format(stored.size()) + " B");
        field(Messages.Viewer_modified, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(Instant.ofEpochMilli(stored.lastModified()).atZone(ZoneId.systemDefault())));
        field(Messages.Viewer_partnerships, partnerships.isEmpty() ? Messages.Viewer_noPartnership : String.join(", ", partnerships));
        field(Messages.Viewer_sha256, stored.sha256());
        field(Messages.Viewer_file, stored.path().toString());
        metadata.getParent().layout(true, true);

        text.setText(stored.text());
        highlights = stored.highlights();
        List<StyleRange> ranges = new ArrayList<>();
        for (Highlight each : highlights) {
            StyleRange range = new StyleRange(each.start(), each.end() - each.start(), null, highlight, SWT.BOLD);
            ranges.add(range);
        }
        text.setStyleRanges(ranges.toArray(new StyleRange[0]));
        current = -1;
        if (queryProblem != null) {
            matches.setText(queryProblem);
        }
        reveal(0);
        if (queryProblem != null) {
            matches.setText(queryProblem);
        }
        loaded = true;
    }

    private void field(String label, String value) {
        Label name = new Label(metadata, SWT.NONE);
        name.setText(label);
        name.setBackground(metadata.getBackground());
        name.setForeground(metadata.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        Text shown = new Text(metadata, SWT.READ_ONLY);
        shown.setText(value == null ? "–" : value);
        shown.setBackground(metadata.getBackground());
        GridDataFactory.fillDefaults().grab(true, false).hint(120, SWT.DEFAULT).applyTo(shown);
    }

    private void reveal(int index) {
        boolean any = !highlights.isEmpty();
        previous.setEnabled(any && index > 0);
        next.setEnabled(any && index < highlights.size() - 1);
        if (!any) {
            matches.setText(input().getQuery().isBlank() ? Messages.Viewer_noQuery : NLS.bind(Messages.Viewer_noMatches, input().getQuery()));
            matches.getParent().layout();
            return;
        }
        current = Math.max(0, Math.min(index, highlights.size() - 1));
        Highlight at = highlights.get(current);
        text.setSelection(at.start(), at.end());
        text.showSelection();
        matches.setText(NLS.bind(Messages.Viewer_matches, new Object[] { current + 1, highlights.size(), input().getQuery() }));
        matches.getParent().layout();
        previous.setEnabled(current > 0);
        next.setEnabled(current < highlights.size() - 1);
    }

    private void showProblem(String message) {
        if (text == null || text.isDisposed()) {
            return;
        }
        text.setText(message);
        text.setStyleRanges(new StyleRange[0]);
        matches.setText("");
        previous.setEnabled(false);
        next.setEnabled(false);
        loaded = true;
    }

    /** How the encoding was chosen, in words; {@code null} when there is nothing to say. */
    static String encodingSource(EncodingSource source) {
        return switch (source == null ? EncodingSource.NONE : source) {
        case BOM -> Messages.Viewer_encodingBom;
        case UTF8 -> Messages.Viewer_encodingValid;
        case UTF16_PATTERN -> Messages.Viewer_encodingUtf16;
        case HTML_META -> Messages.Viewer_encodingDeclared;
        case DETECTED, KOI8U_REPAIR -> Messages.Viewer_encodingDetected;
        case OVERRIDE -> Messages.Viewer_encodingOverride;
        case NONE -> null;
        };
    }

    private static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** Whether loading has finished (tests). */
    public boolean isLoaded() {
        return loaded;
    }

    public StoredDocument getDocument() {
        return document;
    }

    public StyledText getTextWidget() {
        return text;
    }

    public String getMatchesText() {
        return matches.getText();
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // read-only
    }

    @Override
    public void doSaveAs() {
        // read-only
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void indexChanged(KbSession session) {
        if (text != null && !text.isDisposed()) {
            load(); // the document may have changed or been removed
        }
    }

    @Override
    public void dispose() {
        if (follower != null) {
            follower.dispose();
        }
        if (loading != null) {
            loading.cancel();
        }
        if (titleFont != null) {
            titleFont.dispose();
        }
        super.dispose();
    }
}

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
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.index.DocumentMetadata;
import eu.urbanagenda.kb.index.Highlight;
import eu.urbanagenda.kb.index.QuerySyntaxException;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.StoredDocument;
import eu.urbanagenda.kb.ingest.EncodingSource;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.LanguageLabels;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.search.internal.DocumentLabels;
import eu.urbanagenda.kb.ui.search.internal.Messages;

/**
 * The document viewer: a source document as the index holds it, its matches of the query highlighted (previous / next
 * match), with its metadata: title, language, encoding (and how it was chosen), format, date, the author and dates the
 * document's own metadata gives, size, file (an archive's member as {@code archive.zip!/member}), SHA-256 and the
 * partnerships it is linked to; text recognised by OCR is marked with its confidence; the other files of the same
 * document (copies, a PDF export, a scan) are listed and open in a viewer of their own. Read-only; the text is loaded
 * in a job.
 */
public class DocumentViewer extends EditorPart implements SessionFollower.Listener {

    public static final String ID = "eu.urbanagenda.kb.ui.search.editors.document";

    private Label title;
    private Composite metadata;
    private Label ocr;
    private Composite copies;
    private final List<Link> copyLinks = new ArrayList<>();
    private Label matches;
    private Button previous;
    private Button next;
    private StyledText text;
    private Font titleFont;
    private Color highlight;
    private Color ocrBackground;
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

        // text recognised by OCR: said before it is read
        ocrBackground = new Color(display, 0xff, 0xf4, 0xce);
        ocr = new Label(body, SWT.WRAP);
        ocr.setBackground(ocrBackground);
        ocr.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).exclude(true).applyTo(ocr);
        ocr.setVisible(false);

        copies = new Composite(body, SWT.NONE);
        copies.setBackground(body.getBackground());
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(12, 2).applyTo(copies);
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(copies);
        copies.setVisible(false);

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
        // the index changed, this document did not (the sources are watched): the reader keeps their place
        boolean sameText = document != null && document.path().equals(stored.path())
                && document.sha256().equals(stored.sha256()) && document.highlights().equals(stored.highlights());
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
        DocumentMetadata found = stored.metadata() == null ? DocumentMetadata.NONE : stored.metadata();
        field(Messages.Viewer_language, LanguageLabels.of(stored.lang()));
        field(Messages.Viewer_encoding, encoding);
        field(Messages.Viewer_format, DocumentLabels.format(stored.format(), found.ocrConfidence()));
        field(Messages.Viewer_date, stored.date() == null ? "–" : stored.date().toString());
        // what the document's own metadata says, where its format has it
        if (found.author() != null) {
            field(Messages.Viewer_author, found.author());
        }
        if (found.created() != null) {
            field(Messages.Viewer_created, time(found.created()));
        }
        if (found.modified() != null) {
            field(Messages.Viewer_saved, time(found.modified()));
        }
        field(Messages.Viewer_size, NumberFormat.getIntegerInstance().format(stored.size()) + " B");
        field(Messages.Viewer_modified, time(Instant.ofEpochMilli(stored.lastModified())));
        field(Messages.Viewer_partnerships, partnerships.isEmpty() ? Messages.Viewer_noPartnership : String.join(", ", partnerships));
        field(Messages.Viewer_sha256, stored.sha256());
        field(Messages.Viewer_file, stored.path().toString());
        showOcr(found);
        showCopies(stored.copies());
        metadata.getParent().layout(true, true);
        if (sameText) {
            loaded = true;
            return;
        }

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

    private static String time(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(ZoneId.systemDefault()));
    }

    private void showOcr(DocumentMetadata found) {
        boolean recognised = found.recognised();
        ocr.setText(recognised ? " " + NLS.bind(Messages.Viewer_ocr, DocumentLabels.percent(found.ocrConfidence())) : "");
        ocr.setVisible(recognised);
        ((GridData) ocr.getLayoutData()).exclude = !recognised;
    }

    /** The other files of the document, each a link that opens it (an archive's member too: its text is indexed). */
    private void showCopies(List<SearchHit.Copy> others) {
        for (Control child : copies.getChildren()) {
            child.dispose();
        }
        copyLinks.clear();
        boolean any = others != null && !others.isEmpty();
        if (any) {
            Label heading = new Label(copies, SWT.NONE);
            heading.setBackground(copies.getBackground());
            heading.setForeground(copies.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
            heading.setText(NLS.bind(Messages.Viewer_copies, others.size()));
            GridDataFactory.fillDefaults().span(2, 1).applyTo(heading);
            // one line a file: its format, its name (a link that opens it) and where it is, cut at the edge (the
            // tooltip has the whole path)
            for (SearchHit.Copy copy : others) {
                String format = DocumentLabels.format(copy.format(), copy.ocrConfidence());
                if (copy.ocrConfidence() != null) {
                    format += ", " + NLS.bind(Messages.Viewer_copyOcr, DocumentLabels.percent(copy.ocrConfidence()));
                }
                Label kind = new Label(copies, SWT.NONE);
                kind.setBackground(copies.getBackground());
                kind.setForeground(copies.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
                kind.setText(format);
                Link link = new Link(copies, SWT.NONE);
                link.setBackground(copies.getBackground());
                link.setText("<a>" + escape(DocumentLabels.name(copy.path())) + "</a>   "
                        + escape(DocumentLabels.location(copy.path())));
                link.setToolTipText(copy.path().toString());
                link.setData(copy.path());
                link.addListener(SWT.Selection, e -> openCopy(copy.path()));
                GridDataFactory.fillDefaults().grab(true, false).hint(50, SWT.DEFAULT).applyTo(link);
                copyLinks.add(link);
            }
        }
        copies.setVisible(any);
        ((GridData) copies.getLayoutData()).exclude = !any;
    }

    /** A link's text shows {@code &} only when doubled; {@code <} would start a tag. */
    private static String escape(String text) {
        return text.replace("&", "&&").replace("<", "‹");
    }

    private void openCopy(Path file) {
        try {
            OpenDocumentHandler.open(getSite().getPage(), file, input().getQuery());
        } catch (PartInitException e) {
            matches.setText(ErrorMessages.describe(e));
        }
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

    /** The OCR note shown above the text, empty when the text was not recognised by OCR. */
    public String getOcrText() {
        return ocr.getVisible() ? ocr.getText().strip() : "";
    }

    /** The links to the document's other files, in order (their data is the file's path). */
    public List<Link> getCopyLinks() {
        return List.copyOf(copyLinks);
    }

    /** The metadata shown: label and value, in order. */
    public List<String[]> getFields() {
        List<String[]> fields = new ArrayList<>();
        Control[] children = metadata.getChildren();
        for (int i = 0; i + 1 < children.length; i += 2) {
            fields.add(new String[] { ((Label) children[i]).getText(), ((Text) children[i + 1]).getText() });
        }
        return fields;
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
        if (ocrBackground != null) {
            ocrBackground.dispose();
        }
        super.dispose();
    }
}

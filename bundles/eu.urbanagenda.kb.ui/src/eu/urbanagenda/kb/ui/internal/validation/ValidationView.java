package eu.urbanagenda.kb.ui.internal.validation;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.ui.Columns;
import eu.urbanagenda.kb.ui.KbViewPart;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.internal.Messages;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;

/**
 * What the model's constraints (EMF's Diagnostician) find in the knowledge base, with what the loader reported and
 * why a knowledge base could not be opened at all. Validated when the session opens and after every save (and on
 * demand, the Validate command); a double-click selects the offending object in the navigator.
 */
public class ValidationView extends KbViewPart implements SessionFollower.Listener {

    public static final String ID = "eu.urbanagenda.kb.ui.views.validation";

    /** One row: a problem, the object it is about (or {@code null}), and where it comes from. */
    public record Problem(int severity, String message, EObject object, String source) {
    }

    private TableViewer viewer;
    private List<Problem> problems = List.of();
    private SessionFollower follower;

    @Override
    public void createPartControl(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        viewer = new TableViewer(holder, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(layout, Messages.Validation_severity, 12, p -> severityText(p.severity()), p -> severityImage(p.severity()));
        column(layout, Messages.Validation_message, 60, Problem::message, null);
        column(layout, Messages.Validation_object, 28, p -> p.object() == null ? p.source() : KnowledgeBaseLabels.text(p.object()), null);
        viewer.addDoubleClickListener(e -> reveal((IStructuredSelection) e.getSelection()));
        getSite().setSelectionProvider(viewer);
        follower = follow(this);
        validate();
    }

    private void column(TableColumnLayout layout, String title, int weight, Function<Problem, String> text,
            Function<Problem, Image> image) {
        TableViewerColumn column = Columns.add(viewer, title, 0, SWT.NONE, text, null, image);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
    }

    private static String severityText(int severity) {
        return severity >= Diagnostic.ERROR ? Messages.Validation_error
                : severity == Diagnostic.WARNING ? Messages.Validation_warning : Messages.Validation_info;
    }

    private static Image severityImage(int severity) {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        return images.getImage(severity >= Diagnostic.ERROR ? ISharedImages.IMG_OBJS_ERROR_TSK
                : severity == Diagnostic.WARNING ? ISharedImages.IMG_OBJS_WARN_TSK : ISharedImages.IMG_OBJS_INFO_TSK);
    }

    /** Validates the knowledge base now (or shows why it could not be opened). */
    public void validate() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        List<Problem> found = new ArrayList<>();
        KbSession session = follower.session();
        if (session == null) {
            String problem = follower.problem().orElse(null);
            if (problem != null) {
                found.add(new Problem(Diagnostic.ERROR, problem, null, follower.service().dataDirectory().toString()));
            }
            show(found, problem == null ? Messages.Validation_notOpen : Messages.Validation_cannotOpen);
            return;
        }
        collect(session.model().validate(), found);
        long errors = found.stream().filter(p -> p.severity() >= Diagnostic.ERROR).count();
        long warnings = found.stream().filter(p -> p.severity() == Diagnostic.WARNING).count();
        String time = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        show(found, found.isEmpty() ? NLS.bind(Messages.Validation_clean, time)
                : NLS.bind(Messages.Validation_summary, new Object[] { errors, warnings, time }));
    }

    private void show(List<Problem> found, String description) {
        problems = List.copyOf(found);
        viewer.setInput(problems);
        setContentDescription(description);
    }

    private static void collect(Diagnostic diagnostic, List<Problem> into) {
        if (diagnostic.getChildren().isEmpty()) {
            if (diagnostic.getSeverity() != Diagnostic.OK) {
                EObject object = null;
                for (Object data : diagnostic.getData()) {
                    if (data instanceof EObject eObject) {
                        object = eObject;
                        break;
                    }
                }
                into.add(new Problem(diagnostic.getSeverity(), diagnostic.getMessage(), object, diagnostic.getSource()));
            }
            return;
        }
        for (Diagnostic child : diagnostic.getChildren()) {
            collect(child, into);
        }
    }

    /** Selects the object of the (first) selected problem in the navigator. */
    private void reveal(IStructuredSelection selection) {
        if (!(selection.getFirstElement() instanceof Problem problem) || problem.object() == null) {
            return;
        }
        try {
            IViewPart view = getSite().getPage().showView(NavigatorView.ID);
            if (view instanceof NavigatorView navigator) {
                navigator.reveal(problem.object());
            }
        } catch (PartInitException e) {
            // the navigator cannot be shown: nothing to select in
        }
    }

    public List<Problem> getProblems() {
        return problems;
    }

    public TableViewer getViewer() {
        return viewer;
    }

    /** Selects a problem row (tests) and acts as a double-click on it. */
    public void open(Problem problem) {
        viewer.setSelection(new StructuredSelection(problem), true);
        reveal(new StructuredSelection(problem));
    }

    @Override
    public void changedOrSaved(KbSession session) {
        validate();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}

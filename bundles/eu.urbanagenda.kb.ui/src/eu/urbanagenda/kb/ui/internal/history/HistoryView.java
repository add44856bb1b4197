package eu.urbanagenda.kb.ui.internal.history;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.command.Command;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;

import eu.urbanagenda.kb.compare.ChangeDescription;
import eu.urbanagenda.kb.compare.MergePlan;
import eu.urbanagenda.kb.compare.ModelDiff;
import eu.urbanagenda.kb.compare.Side;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.git.KnowledgeBaseRepository;
import eu.urbanagenda.kb.git.Version;
import eu.urbanagenda.kb.model.Identified;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.ui.ErrorMessages;
import eu.urbanagenda.kb.ui.KbViewPart;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * The history of the selected object (a partnership, actor, action…; the whole knowledge base when nothing is
 * selected): its versions with date, author and message, and for the selected version what it changed, in words; two
 * versions selected: what changed from the older to the newer. Reading versions runs in a job; a version's change can be
 * taken back as one undoable command.
 */
public class HistoryView extends KbViewPart implements SessionFollower.Listener, ISelectionListener {

    public static final String ID = "eu.urbanagenda.kb.ui.views.history";
    private static final int MOST_VERSIONS = 500;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private SessionFollower follower;
    private TableViewer versions;
    private TableViewer changes;
    private Action revert;
    private String objectId;
    private String objectText;
    private Job loading;
    private Job comparing;

    @Override
    public void createPartControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        versions = table(sash, SWT.MULTI);
        column(versions, Messages.History_date, 22, v -> DATE.format(((Version) v).when()));
        column(versions, Messages.History_author, 18, v -> ((Version) v).author());
        column(versions, Messages.History_message, 52, v -> ((Version) v).subject());
        column(versions, Messages.History_version, 8, v -> ((Version) v).shortId());
        changes = table(sash, SWT.SINGLE);
        column(changes, Messages.History_change, 100, c -> ((ChangeDescription) c).line(objectId));
        sash.setWeights(55, 45);
        versions.addSelectionChangedListener(e -> compare());
        revert = new Action(Messages.History_revert) {
            @Override
            public void run() {
                revertSelected();
            }
        };
        revert.setToolTipText(Messages.History_revertTooltip);
        revert.setEnabled(false);
        getViewSite().getActionBars().getToolBarManager().add(revert);
        getViewSite().getActionBars().getMenuManager().add(revert);
        getSite().getPage().addPostSelectionListener(this);
        follower = follow(this);
        ISelection current = getSite().getPage().getSelection();
        takeObjectOf(current);
        reload();
    }

    private static TableViewer table(Composite parent, int style) {
        Composite holder = new Composite(parent, SWT.NONE);
        holder.setLayout(new TableColumnLayout());
        TableViewer viewer = new TableViewer(holder, style | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    private static void column(TableViewer viewer, String title, int weight, Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(title);
        ((TableColumnLayout) viewer.getTable().getParent().getLayout()).setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }

    @Override
    public void selectionChanged(IWorkbenchPart part, ISelection selection) {
        if (part != this && takeObjectOf(selection)) {
            reload();
        }
    }

    /** Takes the selected object of the knowledge base as the one whose history is shown; whether it changed. */
    private boolean takeObjectOf(ISelection selection) {
        if (!(selection instanceof IStructuredSelection structured) || !(structured.getFirstElement() instanceof Identified object)
                || object.getId() == null) {
            return false;
        }
        String id = object instanceof KnowledgeBase ? null : object.getId();
        objectText = object instanceof KnowledgeBase ? Messages.History_wholeBase : KnowledgeBaseLabels.text(object);
        if (java.util.Objects.equals(id, objectId) && versions.getInput() != null) {
            return false;
        }
        objectId = id;
        return true;
    }

    /** Shows the history of this object (or of the whole knowledge base: {@code null}). */
    public void showHistoryOf(String id, String text) {
        objectId = id;
        objectText = text == null ? Messages.History_wholeBase : text;
        reload();
    }

    /** The versions shown now. */
    public List<Version> getVersions() {
        Object input = versions.getInput();
        return input == null ? List.of() : castVersions(input);
    }

    @SuppressWarnings("unchecked")
    private static List<Version> castVersions(Object input) {
        return (List<Version>) input;
    }

    /** The changes in words shown now. */
    public List<String> getChangeLines() {
        Object input = changes.getInput();
        if (input == null) {
            return List.of();
        }
        return ((List<?>) input).stream().map(c -> ((ChangeDescription) c).line(objectId)).toList();
    }

    public TableViewer getVersionViewer() {
        return versions;
    }

    /** Whether versions or changes are being read. */
    public boolean isBusy() {
        return loading != null && loading.getState() != Job.NONE || comparing != null && comparing.getState() != Job.NONE;
    }

    @Override
    public void changedOrSaved(KbSession session) {
        reload();
    }

    private void reload() {
        KbSession session = follower.session();
        if (session == null || versions.getControl().isDisposed()) {
            return;
        }
        String id = objectId;
        setContentDescription(NLS.bind(Messages.History_reading, objectText == null ? Messages.History_wholeBase : objectText));
        if (loading != null) {
            loading.cancel();
        }
        Display display = versions.getControl().getDisplay();
        loading = Job.create(Messages.History_readingJob, monitor -> {
            try {
                List<Version> found = session.history().versions(id, MOST_VERSIONS, monitor);
                display.asyncExec(() -> showVersions(id, found, null));
            } catch (IOException | RuntimeException e) {
                if (e instanceof OperationCanceledException) {
                    return Status.CANCEL_STATUS;
                }
                display.asyncExec(() -> showVersions(id, List.of(), ErrorMessages.describe(e)));
            }
            return Status.OK_STATUS;
        });
        loading.setSystem(true);
        loading.schedule();
    }

    private void showVersions(String id, List<Version> found, String problem) {
        if (versions.getControl().isDisposed() || !java.util.Objects.equals(id, objectId)) {
            return;
        }
        List<Version> kept = selectedVersions().stream().filter(found::contains).toList(); // the same versions stay selected
        versions.setInput(found);
        String who = objectText == null ? Messages.History_wholeBase : objectText;
        setContentDescription(problem != null ? problem : NLS.bind(Messages.History_of, who, found.size()));
        if (!kept.isEmpty()) {
            versions.setSelection(new StructuredSelection(kept), true);
        } else if (!found.isEmpty()) {
            versions.setSelection(new StructuredSelection(found.get(0)), true);
        }
        compare();
    }

    /** What the selected version changed, or what changed between the two selected versions, in a job. */
    private void compare() {
        KbSession session = follower.session();
        List<Version> selected = selectedVersions();
        revert.setEnabled(selected.size() == 1 && !selected.get(0).parents().isEmpty());
        if (session == null || selected.isEmpty() || selected.size() > 2) {
            changes.setInput(List.of());
            return;
        }
        if (comparing != null) {
            comparing.cancel();
        }
        String id = objectId;
        Display display = versions.getControl().getDisplay();
        comparing = Job.create(Messages.History_comparingJob, (IProgressMonitor monitor) -> {
            try {
                KnowledgeBaseRepository history = session.history();
                ModelDiff diff = selected.size() == 1 ? history.changeOf(selected.get(0))
                        : history.diff(selected.get(1), selected.get(0));
                List<ChangeDescription> words = diff.describe(id == null ? diff.changes() : diff.changesOf(id));
                display.asyncExec(() -> {
                    if (!changes.getControl().isDisposed()) {
                        changes.setInput(words);
                    }
                });
            } catch (IOException | RuntimeException e) {
                display.asyncExec(() -> setContentDescription(ErrorMessages.describe(e)));
            }
            return Status.OK_STATUS;
        });
        comparing.setSystem(true);
        comparing.schedule();
    }

    /** The selected versions, newest first. */
    private List<Version> selectedVersions() {
        List<Version> shown = getVersions();
        return versions.getStructuredSelection().toList().stream().map(Version.class::cast)
                .sorted(Comparator.comparingInt(shown::indexOf)).toList();
    }

    /** Takes back what the selected version changed, as one command on the stack (choosing in conflicts first). */
    public void revertSelected() {
        KbSession session = follower.session();
        List<Version> selected = selectedVersions();
        if (session == null || selected.size() != 1) {
            return;
        }
        Version version = selected.get(0);
        try {
            KnowledgeBase now = session.model().knowledgeBase();
            MergePlan plan = session.history().revertOf(version, now);
            Map<String, Side> choices = Map.of();
            if (!plan.conflicts().isEmpty()) {
                ConflictDialog dialog = new ConflictDialog(getSite().getShell(), Messages.History_revertConflicts, plan.conflicts());
                if (dialog.open() != Window.OK) {
                    return;
                }
                choices = dialog.choices();
            }
            List<String> problems = plan.check(choices);
            if (!problems.isEmpty()) {
                org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), Messages.History_revert,
                        NLS.bind(Messages.History_revertInvalid, String.join("\n", problems)));
                return;
            }
            Command command = plan.command(now, choices, KnowledgeBaseCommands.label("revert", version.subject()));
            session.model().editingDomain().getCommandStack().execute(command);
        } catch (IOException | RuntimeException e) {
            org.eclipse.jface.dialogs.MessageDialog.openError(getSite().getShell(), Messages.History_revert, ErrorMessages.describe(e));
        }
    }

    @Override
    public void setFocus() {
        versions.getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(this);
        super.dispose();
    }
}

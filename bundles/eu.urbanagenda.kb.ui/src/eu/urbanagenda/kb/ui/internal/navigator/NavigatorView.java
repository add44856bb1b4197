package eu.urbanagenda.kb.ui.internal.navigator;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.State;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.util.LocalSelectionTransfer;
import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.CollapseAllHandler;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.handlers.RadioState;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.emf.KbContentProvider;
import eu.urbanagenda.kb.ui.emf.KbLabelProvider;
import eu.urbanagenda.kb.ui.emf.KbPropertySourceProvider;
import eu.urbanagenda.kb.ui.emf.ViewerRefresher;
import eu.urbanagenda.kb.ui.internal.Messages;
import eu.urbanagenda.kb.ui.KbCommands;

/**
 * The Partnerships navigator: the knowledge base as a tree (partnerships grouped by generation, status or coordinator
 * country, each with its coordinators, actions and linked sources), a filter box, search results dropped on a
 * partnership to link them, and the selection for the Properties view.
 */
public class NavigatorView extends ViewPart implements SessionFollower.Listener {

    public static final String ID = KbCommands.NAVIGATOR_VIEW;

    private TreeViewer viewer;
    private Text filterText;
    private NavigatorContent content;
    private NavigatorFilter filter;
    private NavigatorLabels labels;
    private ViewerRefresher refresher;
    private KbSession session;
    private SessionFollower follower;

    @Override
    public void createPartControl(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(parent);
        filterText = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filterText.setMessage(Messages.Navigator_filterMessage);
        filterText.setToolTipText(Messages.Navigator_filterTooltip);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);

        viewer = new TreeViewer(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        content = new NavigatorContent();
        follower = new SessionFollower(getSite(), this);
        labels = new NavigatorLabels(emptyFactory(), content, follower::isDirty);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(content);
        viewer.setLabelProvider(new DelegatingStyledCellLabelProvider(labels));
        filter = new NavigatorFilter(content);
        viewer.addFilter(filter);
        content.setGroupBy(GroupBy.of(currentGroupByState()));
        filterText.addModifyListener(e -> applyFilter());

        viewer.addDoubleClickListener(event -> open((IStructuredSelection) event.getSelection()));
        getSite().setSelectionProvider(viewer);

        MenuManager menu = new MenuManager();
        menu.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);

        viewer.addDropSupport(DND.DROP_COPY | DND.DROP_LINK | DND.DROP_DEFAULT,
                new Transfer[] { LocalSelectionTransfer.getTransfer() }, new LinkDropAdapter(viewer, follower::session));

        getSite().getService(IHandlerService.class).activateHandler(CollapseAllHandler.COMMAND_ID,
                new CollapseAllHandler(viewer));

        sessionChanged(follower.session());
    }

    private static org.eclipse.emf.common.notify.AdapterFactory emptyFactory() {
        return new org.eclipse.emf.common.notify.impl.AdapterFactoryImpl();
    }

    private String currentGroupByState() {
        ICommandService commands = getSite().getService(ICommandService.class);
        Command command = commands.getCommand(KbCommands.GROUP_BY);
        State state = command.getState(RadioState.STATE_ID);
        return state == null ? GroupBy.GENERATION.id() : String.valueOf(state.getValue());
    }

    @Override
    public void sessionChanged(KbSession newSession) {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        if (newSession == null) {
            session = null;
            if (refresher != null) {
                refresher.dispose();
            }
            viewer.setInput(null);
            setContentDescription(follower.problem().orElse(Messages.Navigator_opening));
            return;
        }
        if (session != newSession) {
            session = newSession;
            content.setEmf(new KbContentProvider(session.model().adapterFactory()));
            KbLabelProvider old = labels;
            labels = new NavigatorLabels(session.model().adapterFactory(), content, follower::isDirty);
            viewer.setLabelProvider(new DelegatingStyledCellLabelProvider(labels));
            old.dispose();
            if (refresher != null) {
                refresher.dispose();
            }
            refresher = new ViewerRefresher(viewer);
        }
        refresher.attach(session.model().editingDomain().getResourceSet());
        setContentDescription("");
        if (!(viewer.getInput() instanceof NavigatorContent.Input input) || input.knowledgeBase() != session.model().knowledgeBase()) {
            viewer.setInput(new NavigatorContent.Input(session.model().knowledgeBase()));
            viewer.expandToLevel(2);
        }
    }

    @Override
    public void saved(KbSession saved) {
        refreshRoot();
    }

    @Override
    public void commandStackChanged() {
        refreshRoot(); // the root's label shows whether there are unsaved changes
    }

    private void refreshRoot() {
        if (viewer != null && !viewer.getControl().isDisposed() && session != null) {
            viewer.update(session.model().knowledgeBase(), null);
        }
    }

    private void applyFilter() {
        if (filter.setText(filterText.getText())) {
            viewer.getControl().setRedraw(false);
            try {
                viewer.refresh();
                if (filter.isActive()) {
                    viewer.expandToLevel(3);
                }
            } finally {
                viewer.getControl().setRedraw(true);
            }
        }
    }

    /** Opens the selected partnership (or the one an element belongs to) in its editor; a document in the viewer. */
    private void open(IStructuredSelection selection) {
        Object element = selection.getFirstElement();
        if (element instanceof GroupNode || element instanceof FolderNode) {
            viewer.setExpandedState(element, !viewer.getExpandedState(element));
            return;
        }
        IHandlerService handlers = getSite().getService(IHandlerService.class);
        try {
            if (element instanceof SourceDocument) {
                KbCommands.openDocument((SourceDocument) element, null, getSite());
            } else if (KbCommands.partnershipOf(element) != null) {
                handlers.executeCommand(KbCommands.OPEN_PARTNERSHIP, null);
            }
        } catch (Exception e) {
            // not handled (e.g. no handler for documents in this installation): nothing to open
        }
    }

    /** Sets how partnerships are grouped (the Group By command's handler calls this). */
    public void setGroupBy(GroupBy groupBy) {
        if (content.getGroupBy() == groupBy) {
            return;
        }
        Object[] expanded = viewer.getExpandedElements();
        content.setGroupBy(groupBy);
        viewer.refresh();
        viewer.setExpandedElements(expanded);
        viewer.expandToLevel(2);
    }

    public GroupBy getGroupBy() {
        return content.getGroupBy();
    }

    /** Shows and selects a model object (or the closest node showing it), clearing the filter when it hides it. */
    public boolean reveal(EObject object) {
        Object node = content.nodeFor(object);
        if (node == null) {
            return false;
        }
        if (filter.isActive()) {
            filterText.setText("");
            applyFilter();
        }
        viewer.setSelection(new StructuredSelection(node), true);
        if (viewer.getStructuredSelection().isEmpty() && node instanceof EObject eObject && eObject.eContainer() != null) {
            viewer.setSelection(new StructuredSelection(content.nodeFor(eObject.eContainer())), true);
        }
        return !viewer.getStructuredSelection().isEmpty();
    }

    public TreeViewer getViewer() {
        return viewer;
    }

    public Text getFilterText() {
        return filterText;
    }

    /** Partnership shown in a node, for tests and handlers. */
    public static Partnership partnership(Object element) {
        return KbCommands.partnershipOf(element);
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IPropertySheetPage.class) {
            PropertySheetPage page = new PropertySheetPage();
            page.setPropertySourceProvider(object -> {
                KbSession current = follower.session();
                return current == null ? null
                        : new KbPropertySourceProvider(current.model().editingDomain(), labels).getPropertySource(object);
            });
            return adapter.cast(page);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (follower != null) {
            follower.dispose();
        }
        if (refresher != null) {
            refresher.dispose();
        }
        if (labels != null) {
            labels.dispose();
        }
        super.dispose();
    }
}

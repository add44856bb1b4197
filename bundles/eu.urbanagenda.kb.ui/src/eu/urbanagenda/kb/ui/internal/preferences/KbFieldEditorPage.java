package eu.urbanagenda.kb.ui.internal.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.ui.KbPreferences;
import eu.urbanagenda.kb.ui.SaveSupport;

/**
 * A page of the knowledge base's preferences: field editors on {@link KbPreferences#store()} in titled groups of three
 * columns, with the session service injected for the changes that reopen the session.
 */
abstract class KbFieldEditorPage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    private final List<Group> groups = new ArrayList<>();

    @Inject
    @Service
    KbSessionService sessions;

    KbFieldEditorPage(String description) {
        super(GRID);
        setDescription(description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(KbPreferences.store());
        ContextInjectionFactory.inject(this, workbench.getService(IEclipseContext.class));
    }

    /** A titled group across the page; its field editors are laid out in three columns. */
    Group group(String title) {
        Group group = new Group(getFieldEditorParent(), SWT.NONE);
        group.setText(title);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).indent(0, 6).applyTo(group);
        groups.add(group);
        return group;
    }

    /** A wrapping note across the three columns of {@code parent}. */
    static void note(Composite parent, String text) {
        Label note = new Label(parent, SWT.WRAP);
        note.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(300, SWT.DEFAULT).applyTo(note);
    }

    @Override
    protected void adjustGridLayout() {
        super.adjustGridLayout();
        for (Group group : groups) {
            GridLayoutFactory.swtDefaults().numColumns(3).applyTo(group);
        }
    }

    /**
     * Saves or discards unsaved changes (asking with {@code question}), then changes the session service's settings and
     * reopens the session with them.
     *
     * @return false when the user cancelled
     */
    boolean reopenSession(String question, Consumer<KbSessionService> change) {
        if (!SaveSupport.promptToSave(getShell(), sessions.current().orElse(null), question)) {
            return false;
        }
        change.accept(sessions);
        sessions.open();
        return true;
    }
}

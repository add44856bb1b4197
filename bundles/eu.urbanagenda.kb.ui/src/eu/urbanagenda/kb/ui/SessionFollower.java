package eu.urbanagenda.kb.ui;

import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.ui.services.IServiceLocator;
import org.osgi.service.event.Event;

import eu.urbanagenda.kb.core.KbEvents;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;

/**
 * How a view, editor or handler follows the shared session: the {@link KbSessionService} is injected from the part's
 * context, the session's {@link KbEvents} arrive through the platform's event broker on the UI thread, and a listener
 * on the session's command stack moves with the session. One per part; {@link #dispose()} it with the part.
 */
public final class SessionFollower {

    /** Told on the UI thread. */
    public interface Listener {

        /** A session was opened or reloaded ({@code session} non-null), or closed or failed to open ({@code null}). */
        default void sessionChanged(KbSession session) {
            changedOrSaved(session);
        }

        /** The knowledge base was saved. */
        default void saved(KbSession session) {
            changedOrSaved(session);
        }

        /**
         * What {@link #sessionChanged} and {@link #saved} both do unless overridden, for parts that show something the
         * session and its saved state decide alike (the dirty state, the history, validation).
         */
        default void changedOrSaved(KbSession session) {
        }

        /** Documents were added to or removed from the index. */
        default void indexChanged(KbSession session) {
        }

        /** A command was executed, undone or redone on the session's command stack. */
        default void commandStackChanged() {
        }
    }

    @Inject
    @Service
    KbSessionService sessions;

    private final IEclipseContext context;
    private final Listener listener;
    private final CommandStackListener stackListener;
    private CommandStack stack;

    /**
     * @param locator a part's site, a workbench window or the workbench: where the session service is injected from
     */
    public SessionFollower(IServiceLocator locator, Listener listener) {
        this.context = locator.getService(IEclipseContext.class);
        this.listener = listener;
        this.stackListener = event -> listener.commandStackChanged();
        ContextInjectionFactory.inject(this, context);
        if (sessions == null) {
            throw new IllegalStateException("the KbSessionService OSGi service is not available (is org.apache.felix.scr started?)");
        }
        follow(session());
    }

    @Inject
    @Optional
    void onEvent(@UIEventTopic(KbEvents.TOPIC_ALL) Event event) {
        Object data = event.getProperty(KbEvents.DATA);
        KbSession session = data instanceof KbSession s ? s : null;
        switch (event.getTopic()) {
        case KbEvents.SESSION_OPENED, KbEvents.MODEL_RELOADED -> changed(session);
        case KbEvents.SESSION_CLOSED, KbEvents.SESSION_FAILED -> changed(null);
        case KbEvents.MODEL_SAVED -> listener.saved(session);
        case KbEvents.INDEX_CHANGED -> listener.indexChanged(session);
        default -> {
            // another topic of the knowledge base: nothing to follow
        }
        }
    }

    private void changed(KbSession session) {
        follow(session);
        listener.sessionChanged(session);
    }

    private void follow(KbSession session) {
        CommandStack newStack = session == null ? null : session.model().editingDomain().getCommandStack();
        if (newStack != stack) {
            if (stack != null) {
                stack.removeCommandStackListener(stackListener);
            }
            stack = newStack;
            if (stack != null) {
                stack.addCommandStackListener(stackListener);
            }
        }
    }

    /** The session service. */
    public KbSessionService service() {
        return sessions;
    }

    /** The open session, or {@code null} while none is open (not yet, or it failed: see {@link #problem()}). */
    public KbSession session() {
        return sessions.current().orElse(null);
    }

    /** Why the session could not be opened, in a sentence for the user; empty when it could. */
    public java.util.Optional<String> problem() {
        return sessions.failure().map(ErrorMessages::describe);
    }

    /** Whether the open session has unsaved changes. */
    public boolean isDirty() {
        KbSession session = session();
        return session != null && session.model().isDirty();
    }

    /** Stops following: no more events, no listener on the command stack. */
    public void dispose() {
        follow(null);
        ContextInjectionFactory.uninject(this, context);
    }
}

package eu.urbanagenda.kb.ui.internal;

import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;

import eu.urbanagenda.kb.core.KbSession;

/**
 * Keeps one listener on the command stack of the current session: when the session changes (opened, reloaded,
 * closed) the listener moves to the new session's stack.
 */
public final class CommandStackFollower {

    private final CommandStackListener listener;
    private CommandStack stack;

    /**
     * @param listener told of every change on the followed stack
     */
    public CommandStackFollower(CommandStackListener listener) {
        this.listener = listener;
    }

    /**
     * @param session the session whose stack to follow from now on, or {@code null} for none
     */
    public void follow(KbSession session) {
        CommandStack newStack = session == null ? null : session.editingDomain().getCommandStack();
        if (newStack != stack) {
            if (stack != null) {
                stack.removeCommandStackListener(listener);
            }
            stack = newStack;
            if (stack != null) {
                stack.addCommandStackListener(listener);
            }
        }
    }

    /** @return the stack followed now, or {@code null} */
    public CommandStack stack() {
        return stack;
    }

    /** Removes the listener from the stack. */
    public void dispose() {
        follow(null);
    }
}

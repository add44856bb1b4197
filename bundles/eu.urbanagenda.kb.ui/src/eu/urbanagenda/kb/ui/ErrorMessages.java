package eu.urbanagenda.kb.ui;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;

import eu.urbanagenda.kb.index.IndexLockedException;
import eu.urbanagenda.kb.model.persistence.KnowledgeBaseLoadException;
import eu.urbanagenda.kb.ui.internal.Messages;

/** What went wrong, in a sentence for the user in the workbench's language, naming the file; never a stack trace. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String describe(Throwable e) {
        if (e instanceof KnowledgeBaseLoadException load) {
            return NLS.bind(Messages.Error_corruptKnowledgeBase,
                    new Object[] { load.getFile(), load.getLine(), load.getColumn(), load.getProblem() });
        }
        if (e instanceof IndexLockedException locked) {
            return NLS.bind(Messages.Error_indexLocked, locked.directory(), locked.getMessage());
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** An error status with {@link #describe(Throwable)} as its message, for jobs. */
    public static IStatus error(Throwable e) {
        return Status.error(describe(e));
    }
}

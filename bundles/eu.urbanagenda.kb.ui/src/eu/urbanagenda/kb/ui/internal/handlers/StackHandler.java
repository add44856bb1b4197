package eu.urbanagenda.kb.ui.internal.handlers;

import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.menus.UIElement;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.ui.SessionFollower;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * Undo and Redo (the platform's {@code org.eclipse.ui.edit.undo} and {@code redo} commands) on the shared editing
 * domain's command stack: enabled when the stack can undo (redo), the menu item naming the command ("Undo Set Name").
 */
public class StackHandler extends AbstractHandler implements IElementUpdater, SessionFollower.Listener {

    /** The two ways over the stack. */
    enum Direction {
        UNDO("org.eclipse.ui.edit.undo") {
            @Override
            Command next(CommandStack stack) {
                return stack.canUndo() ? stack.getUndoCommand() : null;
            }

            @Override
            void run(CommandStack stack) {
                stack.undo();
            }

            @Override
            String label(String command) {
                return command == null ? Messages.Edit_undo : NLS.bind(Messages.Edit_undoNamed, command);
            }
        },
        REDO("org.eclipse.ui.edit.redo") {
            @Override
            Command next(CommandStack stack) {
                return stack.canRedo() ? stack.getRedoCommand() : null;
            }

            @Override
            void run(CommandStack stack) {
                stack.redo();
            }

            @Override
            String label(String command) {
                return command == null ? Messages.Edit_redo : NLS.bind(Messages.Edit_redoNamed, command);
            }
        };

        final String commandId;

        Direction(String commandId) {
            this.commandId = commandId;
        }

        /** The command that would be undone (redone), or {@code null} when there is none. */
        abstract Command next(CommandStack stack);

        abstract void run(CommandStack stack);

        /** The menu label, naming the command when there is one. */
        abstract String label(String command);
    }

    private final Direction direction;
    private final SessionFollower follower;

    StackHandler(Direction direction) {
        this.direction = direction;
        this.follower = new SessionFollower(PlatformUI.getWorkbench(), this);
        changed();
    }

    private CommandStack stack() {
        KbSession session = follower.session();
        return session == null ? null : session.model().editingDomain().getCommandStack();
    }

    @Override
    public void sessionChanged(KbSession session) {
        changed();
    }

    @Override
    public void commandStackChanged() {
        changed();
    }

    private void changed() {
        CommandStack stack = stack();
        setBaseEnabled(stack != null && direction.next(stack) != null);
        if (PlatformUI.isWorkbenchRunning() && Display.getCurrent() != null) {
            ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
            if (commands != null) {
                commands.refreshElements(direction.commandId, null);
            }
        }
    }

    @Override
    public Object execute(ExecutionEvent event) {
        CommandStack stack = stack();
        if (stack != null && direction.next(stack) != null) {
            direction.run(stack);
        }
        return null;
    }

    @Override
    public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
        CommandStack stack = stack();
        Command next = stack == null ? null : direction.next(stack);
        String name = next == null ? null : next.getLabel();
        element.setText(direction.label(name == null || name.isBlank() ? null : name));
    }

    @Override
    public void dispose() {
        follower.dispose();
        super.dispose();
    }

    /** Undo the last command. */
    public static final class Undo extends StackHandler {
        public Undo() {
            super(Direction.UNDO);
        }
    }

    /** Redo the last undone command. */
    public static final class Redo extends StackHandler {
        public Redo() {
            super(Direction.REDO);
        }
    }
}

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
import eu.urbanagenda.kb.ui.KbUi;
import eu.urbanagenda.kb.ui.internal.CommandStackFollower;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * Undo and Redo (the platform's {@code org.eclipse.ui.edit.undo} and {@code redo} commands) on the shared editing
 * domain's command stack: enabled when the stack can undo (redo), the menu item naming the command ("Undo Set Name").
 */
abstract class StackHandler extends AbstractHandler implements IElementUpdater, KbUi.Listener {

    private final String commandId;
    private final CommandStackFollower follower = new CommandStackFollower(event -> changed());

    StackHandler(String commandId) {
        this.commandId = commandId;
        KbUi.addListener(this);
        sessionChanged(KbUi.session());
    }

    @Override
    public void sessionChanged(KbSession session) {
        follower.follow(session);
        changed();
    }

    private void changed() {
        CommandStack stack = follower.stack();
        setBaseEnabled(stack != null && can(stack));
        if (PlatformUI.isWorkbenchRunning() && Display.getCurrent() != null) {
            ICommandService commands = PlatformUI.getWorkbench().getService(ICommandService.class);
            if (commands != null) {
                commands.refreshElements(commandId, null);
            }
        }
    }

    abstract boolean can(CommandStack commandStack);

    abstract Command next(CommandStack commandStack);

    abstract void run(CommandStack commandStack);

    abstract String label();

    abstract String plainLabel();

    @Override
    public Object execute(ExecutionEvent event) {
        CommandStack stack = follower.stack();
        if (stack != null && can(stack)) {
            run(stack);
        }
        return null;
    }

    @Override
    public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
        CommandStack stack = follower.stack();
        Command next = stack == null || !can(stack) ? null : next(stack);
        String name = next == null ? null : next.getLabel();
        element.setText(name == null || name.isBlank() ? plainLabel() : NLS.bind(label(), name));
    }

    @Override
    public void dispose() {
        KbUi.removeListener(this);
        follower.dispose();
        super.dispose();
    }

    /** Undo the last command. */
    public static final class Undo extends StackHandler {

        public Undo() {
            super("org.eclipse.ui.edit.undo");
        }

        @Override
        boolean can(CommandStack commandStack) {
            return commandStack.canUndo();
        }

        @Override
        Command next(CommandStack commandStack) {
            return commandStack.getUndoCommand();
        }

        @Override
        void run(CommandStack commandStack) {
            commandStack.undo();
        }

        @Override
        String label() {
            return Messages.Edit_undoNamed;
        }

        @Override
        String plainLabel() {
            return Messages.Edit_undo;
        }
    }

    /** Redo the last undone command. */
    public static final class Redo extends StackHandler {

        public Redo() {
            super("org.eclipse.ui.edit.redo");
        }

        @Override
        boolean can(CommandStack commandStack) {
            return commandStack.canRedo();
        }

        @Override
        Command next(CommandStack commandStack) {
            return commandStack.getRedoCommand();
        }

        @Override
        void run(CommandStack commandStack) {
            commandStack.redo();
        }

        @Override
        String label() {
            return Messages.Edit_redoNamed;
        }

        @Override
        String plainLabel() {
            return Messages.Edit_redo;
        }
    }
}

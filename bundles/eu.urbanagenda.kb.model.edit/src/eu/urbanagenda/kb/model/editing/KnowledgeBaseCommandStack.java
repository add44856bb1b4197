package eu.urbanagenda.kb.model.editing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;

import eu.urbanagenda.kb.model.Named;
import eu.urbanagenda.kb.model.Participation;

/**
 * A {@link BasicCommandStack} that also knows, in words, what was done since the last save: the labels of the commands
 * executed or redone since then ("Set Status", "Add Coordinator Sofia (BG)"), and "Undo …" for commands undone past the
 * save point. That is what a save records as the message of its version in the history.
 */
public class KnowledgeBaseCommandStack extends BasicCommandStack {

    private record Entry(Command command, String text, boolean undone) {
    }

    private final List<Entry> sinceSave = new ArrayList<>();

    /** What was done since the last save (or the last flush), oldest first; empty when nothing was. */
    public List<String> changesSinceSave() {
        return sinceSave.stream().map(Entry::text).toList();
    }

    @Override
    public void execute(Command command) {
        int before = top;
        super.execute(command);
        if (top == before + 1 && mostRecentCommand == command) {
            sinceSave.add(new Entry(command, describe(command), false));
        }
    }

    @Override
    public void undo() {
        Command command = canUndo() ? commandList.get(top) : null;
        super.undo();
        if (command != null && mostRecentCommand == command) {
            Entry last = sinceSave.isEmpty() ? null : sinceSave.get(sinceSave.size() - 1);
            if (last != null && last.command() == command && !last.undone()) {
                sinceSave.remove(sinceSave.size() - 1);
            } else {
                sinceSave.add(new Entry(command, KnowledgeBaseCommands.label("undo", describe(command)), true));
            }
        }
    }

    @Override
    public void redo() {
        Command command = canRedo() ? commandList.get(top + 1) : null;
        super.redo();
        if (command != null && mostRecentCommand == command) {
            Entry last = sinceSave.isEmpty() ? null : sinceSave.get(sinceSave.size() - 1);
            if (last != null && last.command() == command && last.undone()) {
                sinceSave.remove(sinceSave.size() - 1);
            } else {
                sinceSave.add(new Entry(command, describe(command), false));
            }
        }
    }

    @Override
    public void saveIsDone() {
        super.saveIsDone();
        sinceSave.clear();
    }

    @Override
    public void flush() {
        super.flush();
        sinceSave.clear();
    }

    /** The command's label, and what it added or removed when that has a name ("Add Coordinator Sofia (BG)"). */
    static String describe(Command command) {
        String label = command.getLabel() == null || command.getLabel().isBlank() ? KnowledgeBaseCommands.label("edit") : command.getLabel();
        Collection<?> values = values(command);
        List<String> names = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof Participation participation && participation.getActor() != null) {
                names.add(KnowledgeBaseLabels.text(participation.getActor()));
            } else if (value instanceof Named named) {
                names.add(KnowledgeBaseLabels.text(named));
            }
        }
        return names.isEmpty() || names.size() > 3 ? label : label + " " + String.join(", ", names);
    }

    private static Collection<?> values(Command command) {
        Command inner = command;
        while (true) {
            if (inner instanceof CommandWrapper wrapper && wrapper.getCommand() != null) {
                inner = wrapper.getCommand();
            } else if (inner instanceof CompoundCommand compound && compound.getCommandList().size() == 1) {
                inner = compound.getCommandList().get(0);
            } else {
                break;
            }
        }
        if (inner instanceof AddCommand add) {
            return add.getCollection();
        }
        if (inner instanceof RemoveCommand remove) {
            return remove.getCollection();
        }
        return List.of();
    }
}

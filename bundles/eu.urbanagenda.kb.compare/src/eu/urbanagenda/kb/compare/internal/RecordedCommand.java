package eu.urbanagenda.kb.compare.internal;

import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.command.AbstractCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.change.util.ChangeRecorder;

/**
 * A command whose work is any edit of a knowledge base: what the work changed is recorded as it runs (EMF's
 * {@link ChangeRecorder}), and undo and redo play the record backwards and forwards. Work that fails is undone at once.
 */
public final class RecordedCommand extends AbstractCommand {

    private final EObject root;
    private final Runnable work;
    private org.eclipse.emf.ecore.change.ChangeDescription change;

    public RecordedCommand(String label, EObject root, Runnable work) {
        super(label, label);
        this.root = root;
        this.work = work;
    }

    @Override
    protected boolean prepare() {
        return true;
    }

    @Override
    public void execute() {
        ChangeRecorder recorder = new ChangeRecorder(root);
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            org.eclipse.emf.ecore.change.ChangeDescription partial = recorder.endRecording();
            recorder.dispose();
            partial.apply();
            throw e;
        }
        change = recorder.endRecording();
        recorder.dispose();
    }

    @Override
    public void undo() {
        change.applyAndReverse();
    }

    @Override
    public void redo() {
        change.applyAndReverse();
    }

    @Override
    public Collection<?> getAffectedObjects() {
        return List.of(root);
    }
}

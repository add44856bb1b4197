package eu.urbanagenda.kb.viewmodel;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.core.databinding.observable.Diffs;
import org.eclipse.core.databinding.observable.Realm;
import org.eclipse.core.databinding.observable.value.AbstractObservableValue;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;

/**
 * A value of the knowledge base as an observable for data binding: read from the model, changed by a labelled command
 * on the editing domain's command stack (so every change can be undone), and told of every command on that stack,
 * undo and redo included. Call {@link #dispose()} when done.
 *
 * @param <T> the type of the value
 */
public final class ModelValue<T> extends AbstractObservableValue<T> {

    private final Object valueType;
    private final CommandStack stack;
    private final Supplier<T> getter;
    private final Function<T, Command> setter;
    private final CommandStackListener listener = event -> getRealm().exec(this::refresh);
    private T last;

    /**
     * @param setter the command that sets a new value; {@code null} (nothing to change) is fine; {@code null} for a
     *               value that is only read
     */
    public ModelValue(Realm realm, Object valueType, CommandStack stack, Supplier<T> getter, Function<T, Command> setter) {
        super(realm);
        this.valueType = valueType;
        this.stack = stack;
        this.getter = getter;
        this.setter = setter;
        this.last = getter.get();
        stack.addCommandStackListener(listener);
    }

    @Override
    public Object getValueType() {
        return valueType;
    }

    @Override
    protected T doGetValue() {
        return getter.get();
    }

    @Override
    protected void doSetValue(T value) {
        Command command = setter == null ? null : setter.apply(value);
        if (command != null && command.canExecute()) {
            stack.execute(command); // the stack's listener tells of the new value
        } else {
            refresh(); // nothing changed in the model: show its value again
        }
    }

    /** Tells the observers when the model's value is not the one they have. */
    private void refresh() {
        if (isDisposed()) {
            return;
        }
        T now = getter.get();
        if (!Objects.equals(now, last)) {
            T before = last;
            last = now;
            fireValueChange(Diffs.createValueDiff(before, now));
        }
    }

    @Override
    public synchronized void dispose() {
        stack.removeCommandStackListener(listener);
        super.dispose();
    }
}

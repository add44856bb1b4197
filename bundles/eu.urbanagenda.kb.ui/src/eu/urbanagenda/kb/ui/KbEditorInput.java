package eu.urbanagenda.kb.ui;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * The input of an editor of the knowledge base: a thing named by a key (a partnership's id, a document's path) that
 * makes two inputs of the same class equal, so the workbench brings an open editor forward instead of opening a second
 * one. Subclasses give the name and tool tip. Not persisted: editors are not reopened at start, which keeps the first
 * window fast.
 */
public abstract class KbEditorInput<K> implements IEditorInput {

    private final K key;

    /** @param key what makes two inputs of this class equal */
    protected KbEditorInput(K key) {
        this.key = Objects.requireNonNull(key);
    }

    /** What makes two inputs of this class equal. */
    protected final K key() {
        return key;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.getMissingImageDescriptor();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public final boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass() && ((KbEditorInput<?>) obj).key.equals(key);
    }

    @Override
    public final int hashCode() {
        return key.hashCode();
    }
}

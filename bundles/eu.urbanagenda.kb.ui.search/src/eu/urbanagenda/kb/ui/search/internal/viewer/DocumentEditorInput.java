package eu.urbanagenda.kb.ui.search.internal.viewer;

import java.nio.file.Path;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A document of the index by its path, with the query whose matches to highlight. Equal by path. */
public class DocumentEditorInput implements IEditorInput {

    private final Path path;
    private final String query;

    public DocumentEditorInput(Path path, String query) {
        this.path = path.toAbsolutePath().normalize();
        this.query = query == null ? "" : query;
    }

    public Path getPath() {
        return path;
    }

    public String getQuery() {
        return query;
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
    public String getName() {
        return path.getFileName().toString();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return path.toString();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof DocumentEditorInput other && other.path.equals(path);
    }

    @Override
    public int hashCode() {
        return path.hashCode();
    }
}

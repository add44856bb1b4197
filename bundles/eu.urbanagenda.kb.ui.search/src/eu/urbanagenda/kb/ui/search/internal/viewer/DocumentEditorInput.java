package eu.urbanagenda.kb.ui.search.internal.viewer;

import java.nio.file.Path;

import eu.urbanagenda.kb.ui.KbEditorInput;

/** A document of the index by its path, with the query whose matches to highlight. Equal by path. */
public class DocumentEditorInput extends KbEditorInput<Path> {

    private final String query;

    public DocumentEditorInput(Path path, String query) {
        super(path.toAbsolutePath().normalize());
        this.query = query == null ? "" : query;
    }

    public Path getPath() {
        return key();
    }

    public String getQuery() {
        return query;
    }

    @Override
    public String getName() {
        return key().getFileName().toString();
    }

    @Override
    public String getToolTipText() {
        return key().toString();
    }
}

package eu.urbanagenda.kb.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.ui.IWorkbenchSite;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;

import eu.urbanagenda.kb.core.KbLocations;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.persistence.DocumentLocations;
import eu.urbanagenda.kb.ui.internal.navigator.FolderNode;

/**
 * The ids of the workbench's own commands and their parameters, of the views and perspectives other bundles place,
 * and small helpers to run the commands.
 */
public final class KbCommands {

    /** The Partnerships navigator (search hits are dropped on it to link them). */
    public static final String NAVIGATOR_VIEW = "eu.urbanagenda.kb.ui.views.navigator";
    /** The Partnerships perspective. */
    public static final String PARTNERSHIPS_PERSPECTIVE = "eu.urbanagenda.kb.ui.perspective.partnerships";
    /** The Search perspective (contributed by the search bundle). */
    public static final String SEARCH_PERSPECTIVE = "eu.urbanagenda.kb.ui.search.perspective";

    public static final String OPEN_PARTNERSHIP = "eu.urbanagenda.kb.ui.commands.openPartnership";
    public static final String GROUP_BY = "eu.urbanagenda.kb.ui.commands.navigatorGroupBy";
    public static final String VALIDATE = "eu.urbanagenda.kb.ui.commands.validate";
    /** Opens a document in the document viewer (handled by the search bundle); parameters below. */
    public static final String OPEN_DOCUMENT = "eu.urbanagenda.kb.ui.commands.openDocument";
    public static final String OPEN_DOCUMENT_PATH = "eu.urbanagenda.kb.ui.commands.openDocument.path";
    public static final String OPEN_DOCUMENT_QUERY = "eu.urbanagenda.kb.ui.commands.openDocument.query";

    private KbCommands() {
    }

    /** The partnership a navigator or editor element belongs to, or {@code null}. */
    public static Partnership partnershipOf(Object element) {
        if (element instanceof FolderNode folder) {
            element = folder.owner();
        }
        if (element instanceof Evidence evidence) {
            element = evidence.getTarget();
        }
        for (Object object = element; object instanceof EObject eObject; object = eObject.eContainer()) {
            if (object instanceof Partnership partnership) {
                return partnership;
            }
        }
        return null;
    }

    /** Where a source document's file is (a seed relative to the product, else its absolute location). */
    public static Path fileOf(SourceDocument document) {
        return DocumentLocations.resolve(document, KbLocations.productRoot().orElse(Path.of(".").toAbsolutePath()));
    }

    /** Opens a document in the document viewer, the query's matches highlighted; false when no viewer is installed. */
    public static boolean openDocument(SourceDocument document, String query, IWorkbenchSite site) throws Exception {
        return openDocument(fileOf(document), query, site);
    }

    public static boolean openDocument(Path file, String query, IWorkbenchSite site) throws Exception {
        ICommandService commands = site.getService(ICommandService.class);
        IHandlerService handlers = site.getService(IHandlerService.class);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(OPEN_DOCUMENT_PATH, file.toString());
        if (query != null && !query.isBlank()) {
            parameters.put(OPEN_DOCUMENT_QUERY, query);
        }
        ParameterizedCommand command = ParameterizedCommand.generateCommand(commands.getCommand(OPEN_DOCUMENT), parameters);
        if (command == null || !command.getCommand().isHandled()) {
            return false;
        }
        handlers.executeCommand(command, null);
        return true;
    }
}

package eu.urbanagenda.kb.ui.search.internal.importing;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.handlers.HandlerUtil;

import eu.urbanagenda.kb.core.KbSessionService;

/**
 * File > Import Documents…: asks for files and folders (or takes them from the command's {@code paths} parameter,
 * separated by the path separator, for scripts and tests) and indexes them in a job.
 */
public class ImportDocumentsHandler extends AbstractHandler {

    public static final String COMMAND_ID = "eu.urbanagenda.kb.ui.search.commands.importDocuments";
    public static final String PATHS_PARAMETER = "eu.urbanagenda.kb.ui.search.commands.importDocuments.paths";

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        String given = event.getParameter(PATHS_PARAMETER);
        List<Path> paths = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            for (String each : given.split(File.pathSeparator)) {
                if (!each.isBlank()) {
                    paths.add(Path.of(each.strip()));
                }
            }
        } else {
            ImportDialog dialog = new ImportDialog(HandlerUtil.getActiveShellChecked(event));
            if (dialog.open() != Window.OK) {
                return null;
            }
            paths.addAll(dialog.getPaths());
        }
        if (!paths.isEmpty()) {
            new ImportJob(HandlerUtil.getActiveWorkbenchWindowChecked(event).getService(KbSessionService.class), paths).schedule();
        }
        return null;
    }
}

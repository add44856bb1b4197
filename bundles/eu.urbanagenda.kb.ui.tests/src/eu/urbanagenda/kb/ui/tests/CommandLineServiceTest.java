package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.cli.service.CommandService;
import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.UrbanAgendaPackage;
import eu.urbanagenda.kb.ui.search.internal.SearchPerspective;
import eu.urbanagenda.kb.ui.search.internal.view.SearchView;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/**
 * While the workbench is open, the `kb` commands of scripts for its data directory run in it: an index run shows up in
 * the open Search view, and `kb link` edits the knowledge base on the UI thread as one command the user can undo, but
 * never saves the user's own unsaved changes with it.
 */
class CommandLineServiceTest {

    private record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private KbSession session;

    @BeforeEach
    void waitForTheService() {
        session = Workbench.session();
        Workbench.waitForIndexing();
        Path socket = session.dataDirectory().resolve(".kb-service/socket");
        assertTrue(UiWait.until(Workbench.display(), () -> Files.exists(socket, LinkOption.NOFOLLOW_LINKS)),
                "the workbench serves its data directory: " + socket);
    }

    @AfterEach
    void discardChanges() {
        Workbench.discardChanges();
        UiWait.idle(Workbench.display());
    }

    @Test
    void aScriptsIndexRunShowsUpInTheOpenSearchView() throws Exception {
        IWorkbenchPage page = Workbench.page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(SearchPerspective.ID));
        SearchView view = (SearchView) page.showView(SearchView.ID);
        String word = "кібербібліотекарка";
        view.getQueryField().setFocus();
        view.getQueryField().setText(word);
        assertTrue(UiWait.until(Workbench.display(), view::isSettled));
        assertEquals(0, view.getModel().state().result().totalHits(), "not indexed yet");

        Path folder = Files.createDirectories(Path.of(System.getProperty("kb.target"), "service-test", Long.toString(System.nanoTime())));
        Files.writeString(folder.resolve("note.txt"), "Нова " + word + " громади відкрила читальню для мешканців.", StandardCharsets.UTF_8);
        Result index = kb("index", folder.toString());
        assertEquals(0, index.exit(), index.toString());
        assertTrue(index.out().contains("1 added"), index.toString());

        assertTrue(UiWait.until(Workbench.display(), () -> view.isSettled() && view.getModel().state().result() != null
                && view.getModel().state().result().totalHits() == 1), "the Search view shows the new document by itself");
        Result search = kb("--json", "search", word);
        assertEquals(0, search.exit(), search.toString());
        assertTrue(search.out().contains(folder.resolve("note.txt").toString()), search.toString());
        view.getQueryField().setText("");
        UiWait.idle(Workbench.display());
    }

    @Test
    void kbLinkEditsOnTheUiThreadAndNeverSavesTheUsersUnsavedChanges() throws Exception {
        Partnership housing = session.model().partnership("housing").orElseThrow();
        Command edit = SetCommand.create(session.model().editingDomain(), housing, UrbanAgendaPackage.Literals.PARTNERSHIP__START_YEAR, 2019);
        session.model().editingDomain().getCommandStack().execute(edit);
        assertTrue(session.model().isDirty());
        byte[] saved = Files.readAllBytes(session.model().file());

        Result refused = kb("link");
        assertEquals(3, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("kb link: the knowledge base has changes not yet saved in the workbench; save or undo them"),
                refused.toString());
        assertArrayEquals(saved, Files.readAllBytes(session.model().file()), "the file is as it was");
        assertTrue(session.model().isDirty(), "the user's change is still unsaved");
        assertEquals(edit, session.model().editingDomain().getCommandStack().getUndoCommand(), "nothing was added to the history");

        Result show = kb("show", "housing");
        assertEquals(0, show.exit(), show.toString());
        assertTrue(show.out().contains("Started: 2019"), "what the workbench shows: " + show);
        assertTrue(show.err().contains("kb: the knowledge base has changes not yet saved in the workbench; they are included here"),
                show.toString());

        Workbench.discardChanges();
        assertFalse(session.model().isDirty());
        List<Boolean> onUiThread = new ArrayList<>();
        CommandStackListener listener = event -> onUiThread.add(Workbench.display().getThread() == Thread.currentThread());
        session.model().editingDomain().getCommandStack().addCommandStackListener(listener);
        try {
            Result link = kb("link");
            assertEquals(0, link.exit(), link.toString());
            assertTrue(link.out().matches("(?s).*[1-9]\\d* new suggestions.*saved.*"), link.toString());
        } finally {
            session.model().editingDomain().getCommandStack().removeCommandStackListener(listener);
        }
        assertEquals(List.of(true), onUiThread, "one command, executed on the UI thread");
        assertEquals("Link documents", session.model().editingDomain().getCommandStack().getUndoCommand().getLabel(),
                "the user can undo it");
        assertFalse(session.model().isDirty(), "and it was saved");
        Workbench.execute("org.eclipse.ui.edit.undo");
        session.model().save();
    }

    /** `kb ARGS` through the product's client (lib/kb-client, from the checkout), as the start script runs it. */
    private Result kb(String... args) throws Exception {
        Path client = Path.of(System.getProperty("kb.root"), "features/eu.urbanagenda.kb.product.feature/rootfiles/lib/kb-client");
        List<String> command = new ArrayList<>(List.of("perl", client.toString(), session.dataDirectory().toString(),
                CommandService.build(), "false", "false"));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile("kb-out", ".txt");
        Path err = Files.createTempFile("kb-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(new File("/dev/null")).start();
        AtomicBoolean ended = new AtomicBoolean();
        process.onExit().thenRun(() -> ended.set(true));
        assertTrue(UiWait.until(Workbench.display(), ended::get), "kb " + String.join(" ", args) + " ended");
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        assertTrue(result.exit() != 75, "the workbench took the command (75: no service did): " + result);
        return result;
    }
}

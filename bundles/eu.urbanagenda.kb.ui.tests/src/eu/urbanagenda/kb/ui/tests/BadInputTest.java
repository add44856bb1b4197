package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.KbSessionService;
import eu.urbanagenda.kb.ui.internal.Messages;
import eu.urbanagenda.kb.ui.internal.PartnershipsPerspective;
import eu.urbanagenda.kb.ui.internal.navigator.NavigatorView;
import eu.urbanagenda.kb.ui.internal.validation.ValidationView;
import eu.urbanagenda.kb.ui.testing.Screenshots;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/** A corrupt knowledge-base file: a message naming the file and the problem, in a dialog and the views; nothing lost. */
class BadInputTest {

    /** What a test does with the shared session switched to another data directory. */
    @FunctionalInterface
    private interface InDataDirectory {
        void run(KbSessionService service) throws Exception;
    }

    @Test
    void aCorruptKnowledgeBaseIsAClearMessageAndStaysUntouched() throws Exception {
        Path broken = freshDataDirectory("broken-kb");
        Files.createDirectories(broken);
        Path file = broken.resolve("urban-agenda.xmi");
        byte[] content = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<kb:KnowledgeBase xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\" id=\"urban-agenda\">\n"
                + "  <names language=\"en\" value=\"Urban Agenda for the EU\"\n"
                + "  <partnerships id=\"housing\">\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        IWorkbenchPage page = Workbench.page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PartnershipsPerspective.ID));
        inDataDirectory(broken, service -> {
            String message = openAndAnswerError(service, dialog -> {
                try {
                    Screenshots.take(Workbench.window().getShell(), "corrupt-knowledge-base");
                } catch (Exception e) {
                    // the screenshot is a bonus
                }
                Workbench.press(dialog, "OK");
            });
            assertTrue(message.contains(file.toString()), "names the file: " + message);
            assertTrue(message.contains("line 4"), "names the place: " + message);
            assertFalse(message.contains("Exception"), "no stack trace: " + message);

            assertTrue(service.current().isEmpty());
            NavigatorView navigator = (NavigatorView) page.showView(NavigatorView.ID);
            assertTrue(navigator.getContentDescription().contains(file.toString()), navigator.getContentDescription());
            ValidationView validation = (ValidationView) page.showView(ValidationView.ID);
            assertTrue(validation.getProblems().stream().anyMatch(p -> p.message().contains(file.toString())),
                    "the Validation view lists it: " + validation.getProblems());
            assertArrayEquals(content, Files.readAllBytes(file), "the file is untouched");
        });
    }

    @Test
    void aDamagedKnowledgeBaseWithAGoodBackupIsRestoredWhenTheUserSaysSo() throws Exception {
        Path data = freshDataDirectory("restore-kb");
        try (KbSession session = KbSession.open(data)) {
            session.model().save(); // a save keeps a good backup
        }
        Path file = KbSession.knowledgeBaseFile(data);
        byte[] good = Files.readAllBytes(file);
        byte[] damaged = java.util.Arrays.copyOf(good, good.length / 2); // cut off, as by a full disk
        Files.write(file, damaged);
        inDataDirectory(data, service -> {
            String restore = NLS.bind(Messages.Error_restore, 1).replaceAll("\\d+$", "");
            String message = openAndAnswerError(service,
                    dialog -> Workbench.find(dialog, org.eclipse.swt.widgets.Button.class, b -> b.getText().startsWith(restore))
                            .stream().findFirst().ifPresent(Workbench::click));
            assertTrue(message.contains(file.toString()), "names the file: " + message);
            assertTrue(UiWait.until(Workbench.display(), () -> service.current().isPresent()), "the restored base opened");
            assertArrayEquals(good, Files.readAllBytes(file), "the backup is the file again");
            try (var kept = Files.list(data)) {
                assertTrue(kept.anyMatch(f -> f.getFileName().toString().startsWith("urban-agenda.replaced-")),
                        "the damaged file is kept beside it");
            }
        });
    }

    /** A data directory no test has used, under the build's target folder. */
    private static Path freshDataDirectory(String name) {
        return Path.of(System.getProperty("kb.target"), name, Long.toString(System.nanoTime()));
    }

    /** Runs {@code test} with the shared session's data directory set to {@code data}, then opens the usual one again. */
    private static void inDataDirectory(Path data, InDataDirectory test) throws Exception {
        Workbench.session();
        Workbench.waitForIndexing();
        KbSessionService service = Workbench.sessions();
        Path original = service.dataDirectory();
        try {
            service.setDataDirectory(data);
            test.run(service);
        } finally {
            service.setDataDirectory(original);
            service.open();
            Workbench.session();
        }
    }

    /**
     * Opens the session, which fails: the error dialog is modal, so it is answered from inside its event loop.
     *
     * @return what the dialog said
     */
    private static String openAndAnswerError(KbSessionService service, Consumer<Shell> answer) {
        AtomicReference<String> shown = new AtomicReference<>();
        AtomicBoolean found = Workbench.whenShellAppears(Messages.Error_openTitle, dialog -> {
            shown.set(Workbench.labels(dialog));
            answer.accept(dialog);
        });
        service.open();
        assertTrue(UiWait.until(Workbench.display(), () -> shown.get() != null), "the error dialog appeared");
        assertTrue(found.get());
        return shown.get();
    }
}

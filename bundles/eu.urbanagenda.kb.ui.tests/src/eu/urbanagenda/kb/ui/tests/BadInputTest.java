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

import org.eclipse.osgi.util.NLS;
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

    @Test
    void aCorruptKnowledgeBaseIsAClearMessageAndStaysUntouched() throws Exception {
        Workbench.session();
        Workbench.waitForIndexing();
        KbSessionService service = Workbench.sessions();
        Path original = service.dataDirectory();
        Path broken = Path.of(System.getProperty("kb.target"), "broken-kb", Long.toString(System.nanoTime()));
        Files.createDirectories(broken);
        Path file = broken.resolve("urban-agenda.xmi");
        byte[] content = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<kb:KnowledgeBase xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:kb=\"http://urbanagenda.eu/kb/model/1.0\" id=\"urban-agenda\">\n"
                + "  <names language=\"en\" value=\"Urban Agenda for the EU\"\n"
                + "  <partnerships id=\"housing\">\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        IWorkbenchPage page = Workbench.page();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(PartnershipsPerspective.ID));
        try {
            service.setDataDirectory(broken);
            // the error dialog is modal: answered from inside its event loop
            AtomicReference<String> shown = new AtomicReference<>();
            AtomicBoolean found = Workbench.whenShellAppears(Messages.Error_openTitle, dialog -> {
                shown.set(Workbench.labels(dialog));
                try {
                    Screenshots.take(Workbench.window().getShell(), "corrupt-knowledge-base");
                } catch (Exception e) {
                    // the screenshot is a bonus
                }
                Workbench.press(dialog, "OK");
            });
            service.open();
            assertTrue(UiWait.until(Workbench.display(), () -> shown.get() != null), "the error dialog appeared");
            assertTrue(found.get());
            String message = shown.get();
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
        } finally {
            service.setDataDirectory(original);
            service.open();
            Workbench.session();
        }
    }

    @Test
    void aDamagedKnowledgeBaseWithAGoodBackupIsRestoredWhenTheUserSaysSo() throws Exception {
        Workbench.session();
        Workbench.waitForIndexing();
        KbSessionService service = Workbench.sessions();
        Path original = service.dataDirectory();
        Path data = Path.of(System.getProperty("kb.target"), "restore-kb", Long.toString(System.nanoTime()));
        try (KbSession session = KbSession.open(data)) {
            session.model().save(); // a save keeps a good backup
        }
        Path file = KbSession.knowledgeBaseFile(data);
        byte[] good = Files.readAllBytes(file);
        byte[] damaged = java.util.Arrays.copyOf(good, good.length / 2); // cut off, as by a full disk
        Files.write(file, damaged);
        try {
            service.setDataDirectory(data);
            AtomicReference<String> shown = new AtomicReference<>();
            String restore = NLS.bind(Messages.Error_restore, 1).replaceAll("\\d+$", "");
            AtomicBoolean found = Workbench.whenShellAppears(Messages.Error_openTitle, dialog -> {
                shown.set(Workbench.labels(dialog));
                Workbench.find(dialog, org.eclipse.swt.widgets.Button.class, b -> b.getText().startsWith(restore)).stream()
                        .findFirst().ifPresent(Workbench::click);
            });
            service.open();
            assertTrue(UiWait.until(Workbench.display(), () -> shown.get() != null), "the error dialog appeared");
            assertTrue(found.get());
            assertTrue(shown.get().contains(file.toString()), "names the file: " + shown.get());
            assertTrue(UiWait.until(Workbench.display(), () -> service.current().isPresent()), "the restored base opened");
            assertArrayEquals(good, Files.readAllBytes(file), "the backup is the file again");
            try (var kept = Files.list(data)) {
                assertTrue(kept.anyMatch(f -> f.getFileName().toString().startsWith("urban-agenda.replaced-")),
                        "the damaged file is kept beside it");
            }
        } finally {
            service.setDataDirectory(original);
            service.open();
            Workbench.session();
        }
    }
}

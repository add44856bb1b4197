package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.ui.jobs.KbJobs;
import eu.urbanagenda.kb.ui.search.internal.DocumentLabels;
import eu.urbanagenda.kb.ui.search.internal.Messages;
import eu.urbanagenda.kb.ui.search.internal.viewer.ChooseFileDialog;
import eu.urbanagenda.kb.ui.search.internal.viewer.DocumentViewer;
import eu.urbanagenda.kb.ui.testing.Screenshots;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/**
 * One document in several files (Word, PDF, a scan read by OCR, a member of a ZIP archive; from ../shared/formats, read
 * in place) is one hit with its other files; opening it asks which file; the viewer shows the format, the document's
 * metadata, the OCR note and the other files, an archive's member by its {@code archive.zip!/member} path. Files saved
 * in an imported folder while the workbench runs are found without an import, and deleted ones are gone.
 */
class FormatsAndCopiesTest extends SearchViews {

    /** A sports article of 260 words: one page, so its scan holds all of its text. */
    private static final String NAME = "uk_brown_A_Svit-info_Desna_boretsia_za_premier-lihu_2017";

    private static Path shared(String kind, String extension) {
        return Path.of(System.getProperty("kb.shared"), "formats", kind, NAME + "." + extension);
    }

    private static Path newFolder(String name) throws Exception {
        return Files.createDirectories(Path.of(System.getProperty("kb.target"), name, Long.toString(System.nanoTime())));
    }

    /** Indexes a folder as an import does (a job holding the index-write rule), and waits for it. */
    private void importFolder(Path folder) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Job job = new KbJobs.IndexJob("test import") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    session.library().update(List.of(folder), UpdateRequest.builder(), monitor);
                } catch (Exception e) {
                    failure.set(e);
                }
                return Status.OK_STATUS;
            }
        };
        job.schedule();
        assertTrue(UiWait.until(Workbench.display(), () -> job.getResult() != null), "the import finished");
        assertEquals(null, failure.get());
    }

    @Override
    protected void search(String query) {
        super.search(query);
        assertTrue(view.getModel().state().result() != null, "an answer: " + view.getModel().state().failure());
    }

    @Test
    void aDocumentInSeveralFilesIsOneHitAndOpensTheFileChosen() throws Exception {
        Path folder = newFolder("formats-test");
        Files.copy(shared("docx", "docx"), folder.resolve(NAME + ".docx"));
        Files.copy(shared("pdf", "pdf"), folder.resolve(NAME + ".pdf"));
        Path scan = Files.copy(shared("scan-pdf", "pdf"), folder.resolve("scan of the first page.pdf"));
        try (OutputStream out = Files.newOutputStream(folder.resolve("archive.zip"));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("inside/" + NAME + ".odt"));
            zip.write(Files.readAllBytes(shared("odt", "odt")));
            zip.closeEntry();
        }
        importFolder(folder);

        search("Чепурненко");
        var result = view.getModel().state().result();
        assertEquals(1, result.totalDocuments(), "one document: " + result.hits());
        assertEquals(1, result.hits().size());
        SearchHit hit = result.hits().get(0);
        assertEquals(3, hit.copies().size(), "Word, PDF, the scan and the archive's member: " + hit);
        assertTrue(view.getStatusText().matches("Documents: 1 \\(files: [34]\\) in \\d+ ms"), view.getStatusText());
        Table table = view.getResultsViewer().getTable();
        int filesColumn = Arrays.asList(table.getColumns()).indexOf(Arrays.stream(table.getColumns())
                .filter(c -> c.getText().equals(Messages.Search_files)).findFirst().orElseThrow());
        assertEquals("+3", table.getItem(0).getText(filesColumn));

        // the context menu's Open File names each of the four files
        table.setSelection(0);
        Menu menu = table.getMenu();
        menu.notifyListeners(SWT.Show, new Event());
        MenuItem openFile = Arrays.stream(menu.getItems()).filter(i -> i.getText().equals(Messages.Search_openFile))
                .findFirst().orElseThrow(() -> new AssertionError(texts(menu)));
        openFile.getMenu().notifyListeners(SWT.Show, new Event());
        List<String> files = texts(openFile.getMenu());
        assertEquals(4, files.size(), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("inside/" + NAME + ".odt — ")
                && f.contains(folder.resolve("archive.zip").toString())), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("scan of the first page.pdf — PDF, scanned")), files.toString());
        menu.notifyListeners(SWT.Hide, new Event());
        Screenshots.take(Workbench.window().getShell(), "search-copies");

        // Open asks which file: the archive's member is chosen, and the viewer shows the text the index holds
        // (an assertion in the dialog's own event loop would leave it open: the rows are checked once it is closed)
        List<String[]> rows = new ArrayList<>();
        AtomicReference<Throwable> problem = new AtomicReference<>();
        var chooser = Workbench.whenShellAppears(ChooseFileDialog.title(), shell -> {
            try {
                Screenshots.take(shell, "open-file-chooser");
                Table choices = Workbench.find(shell, Table.class, t -> true).get(0);
                for (int i = 0; i < choices.getItemCount(); i++) {
                    rows.add(new String[] { choices.getItem(i).getText(0), choices.getItem(i).getText(2) });
                    if (choices.getItem(i).getText(2).contains("archive.zip")) {
                        choices.setSelection(i);
                    }
                }
                Workbench.press(shell, Messages.Search_open);
            } catch (Throwable e) {
                problem.set(e);
                shell.close();
            }
        });
        table.notifyListeners(SWT.DefaultSelection, new Event()); // double-click
        assertTrue(chooser.get(), "the dialog to choose a file opened");
        assertEquals(null, problem.get());
        assertEquals(4, rows.size());
        assertEquals(DocumentLabels.name(hit.path()), rows.get(0)[0], "the hit's own file first");
        assertTrue(UiWait.until(Workbench.display(), () -> page.getActiveEditor() instanceof DocumentViewer viewer
                && viewer.isLoaded() && viewer.getDocument() != null), "the document viewer opened");
        DocumentViewer member = (DocumentViewer) page.getActiveEditor();
        Path inArchive = Path.of(folder.resolve("archive.zip") + "!/inside/" + NAME + ".odt");
        assertEquals(inArchive, member.getDocument().path());
        assertTrue(member.getTextWidget().getText().contains("Чепурненко"), "the stored text");
        assertEquals(inArchive.toString(), field(member, Messages.Viewer_file));
        assertEquals(Messages.Format_odt, field(member, Messages.Viewer_format));
        assertEquals("", member.getOcrText());
        if (member.getDocument().metadata().created() != null) {
            assertNotNull(field(member, Messages.Viewer_created), "the document's creation time is shown");
        }
        assertEquals(3, member.getCopyLinks().size());

        // its scan opens from the list of other files: marked as OCR text with its confidence
        Link toScan = member.getCopyLinks().stream().filter(l -> scan.equals(l.getData())).findFirst().orElseThrow();
        toScan.notifyListeners(SWT.Selection, new Event());
        assertTrue(UiWait.until(Workbench.display(), () -> page.getActiveEditor() instanceof DocumentViewer viewer
                && viewer != member && viewer.isLoaded() && viewer.getDocument() != null), "the scan's viewer opened");
        DocumentViewer scanned = (DocumentViewer) page.getActiveEditor();
        assertEquals(scan, scanned.getDocument().path());
        assertTrue(scanned.getOcrText().matches("Recognised by OCR, \\d+ % confidence.*"), scanned.getOcrText());
        assertEquals("PDF, scanned", field(scanned, Messages.Viewer_format));
        assertEquals(3, scanned.getCopyLinks().size());
        assertTrue(scanned.getCopyLinks().stream().anyMatch(l -> inArchive.equals(l.getData())));
        Screenshots.take(Workbench.window().getShell(), "document-viewer-scan");
    }

    @Test
    void filesSavedOrDeletedInAnImportedFolderAreFoundOrGoneWithoutAnImport() throws Exception {
        Path folder = newFolder("watch-test");
        Files.writeString(folder.resolve("first.txt"), "Перший файл теки, за якою стежать.", StandardCharsets.UTF_8);
        importFolder(folder);
        assertTrue(session.library().recordedSources().contains(folder));

        search("сторожовийфайл");
        assertEquals(0, view.getModel().state().result().totalHits());
        Path saved = folder.resolve("saved later.txt");
        Files.writeString(saved, "Збережено, поки робоче середовище відкрите: сторожовийфайл.", StandardCharsets.UTF_8);
        assertTrue(UiWait.until(Workbench.display(), () -> view.isSettled() && view.getModel().state().result() != null
                && view.getModel().state().result().hits().stream().anyMatch(h -> h.path().equals(saved))),
                "the saved file is found without an import");

        Files.delete(saved);
        assertTrue(UiWait.until(Workbench.display(), () -> view.isSettled() && view.getModel().state().result() != null
                && view.getModel().state().result().totalHits() == 0), "the deleted file is gone");
        assertFalse(session.library().recordedSources().contains(saved), "no source of its own");
    }

    /** The value the viewer shows for a label, or {@code null}. */
    private static String field(DocumentViewer viewer, String label) {
        return viewer.getFields().stream().filter(f -> f[0].equals(label)).map(f -> f[1]).findFirst().orElse(null);
    }

    private static List<String> texts(Menu menu) {
        List<String> texts = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            if (!item.getText().isEmpty()) {
                texts.add(item.getText().replace("&&", "&"));
            }
        }
        return texts;
    }
}

package eu.urbanagenda.kb.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.ui.jobs.KbJobs;
import eu.urbanagenda.kb.ui.search.internal.Messages;
import eu.urbanagenda.kb.ui.search.internal.importing.ImportDocumentsHandler;
import eu.urbanagenda.kb.ui.search.internal.importing.ImportJob;
import eu.urbanagenda.kb.ui.search.internal.importing.ImportSummaryDialog;
import eu.urbanagenda.kb.ui.testing.Screenshots;
import eu.urbanagenda.kb.ui.testing.UiWait;
import eu.urbanagenda.kb.ui.testing.Workbench;

/**
 * File > Import Documents… runs as a job and ends with a summary of what was added and what was skipped and why; it
 * can be cancelled; a locked index is a clear message, not a stack trace.
 */
class ImportTest {

    private KbSession session;
    private Path folder;

    @BeforeEach
    void prepare() throws Exception {
        Workbench.closeShells(ImportSummaryDialog.title());
        session = Workbench.session();
        Workbench.waitForIndexing();
        folder = Path.of(System.getProperty("kb.target"), "import-test", Long.toString(System.nanoTime()));
        Files.createDirectories(folder.resolve("bg"));
        Path corpus = Path.of(System.getProperty("kb.shared"), "corpus");
        copy(corpus.resolve("uk"), folder, 2);
        copy(corpus.resolve("bg"), folder.resolve("bg"), 1);
        Files.write(folder.resolve("scan.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R' });
        Files.write(folder.resolve("empty.txt"), new byte[0]);
        byte[] zip = new byte[64];
        zip[0] = 'P';
        zip[1] = 'K';
        zip[2] = 3;
        zip[3] = 4;
        Files.write(folder.resolve("notes.docx"), zip);
    }

    private static void copy(Path from, Path to, int count) throws Exception {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().limit(count).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    @AfterEach
    void closeSummaries() {
        Workbench.closeShells(ImportSummaryDialog.title());
        Workbench.waitForIndexing();
    }

    /** The import jobs among the jobs that write the index. */
    private static List<Job> imports() {
        return Stream.of(Job.getJobManager().find(KbJobs.INDEX_FAMILY)).filter(ImportJob.class::isInstance).toList();
    }

    /** The summary of the import just started (not one left open before). */
    private static Shell summary() {
        return Workbench.shell(ImportSummaryDialog.title());
    }

    private static String headline(Shell shell) {
        return Workbench.labels(shell);
    }

    @Test
    void importAFolderAsAJobAndSeeTheSummary() throws Exception {
        int before = session.library().index().documentCount();
        long start = System.nanoTime();
        Workbench.execute(ImportDocumentsHandler.COMMAND_ID, Map.of(ImportDocumentsHandler.PATHS_PARAMETER, folder.toString()));
        // (the watcher of the imported folders may have a job of its own waiting)
        List<Job> running = imports();
        assertTrue(running.size() == 1 && running.get(0).isUser(), "a user job indexes, off the UI thread: " + running);
        assertEquals(KbJobs.INDEX_WRITE, running.get(0).getRule());
        Shell shell = summary();
        Bench.record("import of 3 documents and 3 unreadable files: command to summary", (System.nanoTime() - start) / 1_000_000);
        String headline = headline(shell);
        assertTrue(headline.contains("3 added"), headline);
        assertTrue(headline.contains("skipped"), headline);
        Table table = Workbench.find(shell, Table.class, t -> true).get(0);
        List<String> skipped = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            if (Messages.Import_skipped.equals(item.getText(0))) {
                assertFalse(item.getText(2).isBlank(), "a reason for " + item.getText(1));
                skipped.add(item.getText(1) + ": " + item.getText(2));
            }
        }
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("scan.png")), "the image is skipped: " + skipped);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("empty.txt")), "the empty file is skipped: " + skipped);
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("notes.docx")), "the unknown format is skipped: " + skipped);
        assertEquals(before + 3, session.library().index().documentCount());
        Screenshots.take(shell, "import-summary");
        Workbench.press(shell, "Close");
        assertTrue(shell.isDisposed());

        // importing again: nothing new
        Workbench.execute(ImportDocumentsHandler.COMMAND_ID, Map.of(ImportDocumentsHandler.PATHS_PARAMETER, folder.toString()));
        shell = summary();
        assertTrue(headline(shell).contains("0 added, 0 updated, 0 removed, 3 unchanged"), headline(shell));
        Workbench.press(shell, "Close");
    }

    @Test
    void anImportCanBeCancelled() throws Exception {
        Path many = folder.resolve("many");
        Files.createDirectories(many);
        copy(Path.of(System.getProperty("kb.shared"), "corpus", "uk"), many, 400);
        Workbench.execute(ImportDocumentsHandler.COMMAND_ID, Map.of(ImportDocumentsHandler.PATHS_PARAMETER, many.toString()));
        Job job = imports().get(0);
        assertTrue(UiWait.until(Workbench.display(), () -> job.getState() == Job.RUNNING), "the import runs");
        job.cancel();
        Shell shell = summary();
        String headline = headline(shell);
        assertTrue(headline.contains(Messages.Import_cancelledKept) || headline.contains(Messages.Import_cancelled), headline);
        Workbench.press(shell, "Close");
    }

    @Test
    void aLockedIndexIsAClearMessage() throws Exception {
        Path index = session.library().indexDirectory();
        try (Directory directory = FSDirectory.open(index); Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            Workbench.execute(ImportDocumentsHandler.COMMAND_ID, Map.of(ImportDocumentsHandler.PATHS_PARAMETER, folder.toString()));
            Shell shell = summary();
            String headline = headline(shell);
            assertTrue(headline.contains(index.toString()), "names the index: " + headline);
            assertTrue(headline.contains("in use by another program"), headline);
            assertFalse(headline.contains("Exception"), headline);
            Screenshots.take(shell, "import-locked-index");
            Workbench.press(shell, "Close");
        }
    }
}

package eu.urbanagenda.kb.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.index.FormatChange;
import eu.urbanagenda.kb.index.IndexLockedException;
import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;

/** One writer at a time, near-real-time readers, cancellation, a crash mid-run, format changes. */
class RobustnessTest {

    @TempDir
    Path tmp;

    /** A real progress monitor that runs an action when the n-th file is reported. */
    static final class OnFile extends NullProgressMonitor {
        private final int n;
        private final Runnable action;
        private int files;

        OnFile(int n, Runnable action) {
            this.n = n;
            this.action = action;
        }

        @Override
        public void subTask(String name) {
            if (name.endsWith(".txt") && ++files == n) {
                action.run();
            }
        }
    }

    private Path docs(String folder, int count) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(folder));
        for (int i = 0; i < count; i++) {
            Files.writeString(dir.resolve(String.format("%s-%03d.txt", folder, i)),
                    "Документ " + i + " громади " + folder + ". Громада планує цифрову трансформацію послуг.");
        }
        return dir;
    }

    @Test
    void oneWriterAtATimeAndNearRealTimeReaders() throws Exception {
        Path docs = docs("docs", 40);
        Path dir = tmp.resolve("index");
        try (KbIndex writer = KbIndex.open(dir); KbIndex other = KbIndex.open(dir)) {
            AtomicReference<Throwable> second = new AtomicReference<>();
            AtomicReference<Integer> nrtCount = new AtomicReference<>();
            AtomicReference<Integer> committedCount = new AtomicReference<>();
            OnFile monitor = new OnFile(20, () -> {
                second.set(assertThrows(IndexLockedException.class,
                        () -> other.update(UpdateRequest.of(docs), null)));
                try {
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    int seen = 0;
                    while (seen < 10 && System.nanoTime() < deadline) {
                        seen = writer.documentCount();
                        Thread.sleep(100);
                    }
                    nrtCount.set(seen);
                    committedCount.set(other.documentCount());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            UpdateReport r = writer.update(UpdateRequest.builder().source(docs).threads(2).build(), monitor);
            assertEquals(40, r.added().size());
            String message = second.get().getMessage();
            assertTrue(message.startsWith("index is locked by another process (pid "), message);
            assertTrue(message.contains(dir.toString()), message);
            assertTrue(nrtCount.get() >= 10, "a search during the run sees documents not yet committed: " + nrtCount);
            assertEquals(0, committedCount.get(), "another reader sees the last commit only");
            // after the run the lock is free and both see everything
            other.refresh();
            assertEquals(40, other.documentCount());
            assertEquals("0 added, 0 updated, 0 removed, 40 unchanged, 0 skipped",
                    other.update(UpdateRequest.of(docs), null).summary());
        }
    }

    @Test
    void cancelledRunCommitsWhatItDidAndAReRunCompletes() throws Exception {
        Path docs = docs("docs", 40);
        Path dir = tmp.resolve("index");
        int done;
        try (KbIndex index = KbIndex.open(dir)) {
            OnFile[] holder = new OnFile[1];
            holder[0] = new OnFile(15, () -> holder[0].setCanceled(true));
            UpdateReport r = index.update(UpdateRequest.builder().source(docs).threads(2).build(), holder[0]);
            assertTrue(r.cancelled(), r.summary());
            done = r.added().size();
            assertTrue(done >= 15 && done < 40, r.summary());
        }
        try (KbIndex index = KbIndex.open(dir)) {
            assertEquals(done, index.documentCount());
            UpdateReport r = index.update(UpdateRequest.of(docs), null);
            assertEquals(40 - done, r.added().size());
            assertEquals(done, r.unchanged());
            assertEquals(40, index.documentCount());
        }
    }

    @Test
    void aCrashMidRunLeavesTheLastCommitReadable() throws Exception {
        Path a = docs("a", 10);
        Path b = docs("b", 30);
        Path dir = tmp.resolve("index");
        Path snapshot = tmp.resolve("crashed");
        try (KbIndex index = KbIndex.open(dir)) {
            index.update(UpdateRequest.of(a), null);
            // while the second run writes, copy the index directory as a crash would leave it on disk:
            // committed files, files of uncommitted segments (some half written) and the write.lock
            OnFile crash = new OnFile(20, () -> copyWhileWriting(dir, snapshot));
            index.update(UpdateRequest.builder().source(a).source(b).commitEveryDocuments(8).build(), crash);
            assertEquals(40, index.documentCount());
        }
        try (KbIndex crashed = KbIndex.open(snapshot)) {
            assertTrue(crashed.formatChange().isEmpty());
            // 10 from the first run and what the second run had committed when it was copied: it commits after 8
            // and 16 handled files (plus what the worker threads had added meanwhile), not yet after 24
            int committed = crashed.documentCount();
            assertTrue(committed >= 26 && committed < 40, "documents in the last commit: " + committed);
            assertEquals(committed, crashed.search(SearchRequest.of("громада")).totalHits());
            UpdateReport rerun = crashed.update(UpdateRequest.of(a, b), null);
            assertEquals(40 - committed, rerun.added().size(), rerun.summary());
            assertEquals(committed, rerun.unchanged());
            assertEquals(40, crashed.documentCount());
        }
    }

    private static void copyWhileWriting(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                try {
                    Files.copy(f, to.resolve(f.getFileName()));
                } catch (NoSuchFileException e) {
                    // deleted meanwhile by the writer
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherFormatIsRebuiltWithANotice() throws Exception {
        Path docs = docs("docs", 3);
        Path dir = tmp.resolve("index");
        try (KbIndex index = KbIndex.open(dir)) {
            assertTrue(index.formatChange().isEmpty());
            index.update(UpdateRequest.of(docs), null);
        }
        for (Map<String, String> old : new Map[] {
                Map.of("kb.schema", "1", "kb.lucene", KbIndex.currentFormat().get("kb.lucene"), "kb.analysis",
                        "kb-analysis-0"),
                Map.of("kb.schema", "1", "kb.lucene", "9.12.0", "kb.analysis",
                        KbIndex.currentFormat().get("kb.analysis"))}) {
            try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
                w.setLiveCommitData(old.entrySet());
                w.commit();
            }
            try (KbIndex index = KbIndex.open(dir)) {
                FormatChange change = index.formatChange().orElseThrow();
                assertEquals(old.get("kb.lucene"), change.previousLucene());
                assertEquals(old.get("kb.analysis"), change.previousAnalysis());
                assertEquals(3, change.previousFiles().size());
                assertTrue(change.message().contains("rebuilt"), change.message());
                assertEquals(0, index.documentCount());
                UpdateReport r = index.update(UpdateRequest.builder().sources(change.previousFiles()).build(), null);
                assertEquals(3, r.added().size());
            }
            try (KbIndex index = KbIndex.open(dir)) {
                assertFalse(index.formatChange().isPresent());
                assertEquals(3, index.documentCount());
            }
        }
    }

    @Test
    void closedIndexRefusesWork() throws Exception {
        KbIndex index = KbIndex.open(tmp.resolve("index"));
        index.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> index.search(SearchRequest.of("громада")));
        assertTrue(e.getMessage().contains("closed"));
    }
}

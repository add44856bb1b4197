package eu.urbanagenda.kb.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.core.KbSession;
import eu.urbanagenda.kb.core.SourceWatcher;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.UpdateRequest;

/**
 * The watcher of the sources with a real index and real files: a file created, changed, renamed or deleted in a
 * watched folder, a folder created or deleted, is in the index (or gone from it) without an import; a source folder
 * moved away removes nothing and is watched again when it is back; a limit of watched folders is a note, not a failure.
 * The tests wait for conditions (the watcher indexes a moment after a change).
 */
class SourceWatcherTest {

    /** How long a condition may take on a loaded machine before the test fails (a condition met ends the wait). */
    private static final long PATIENCE_MILLIS = 120_000;

    @TempDir
    Path temp;

    private Path sources;
    private KbSession session;
    private SourceWatcher watcher;
    private final List<String> notes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openASessionWithARecordedSourceFolder() throws Exception {
        sources = Files.createDirectories(temp.resolve("sources"));
        write(sources.resolve("first.txt"), "Перша громада: статут і бюджет участі.");
        Files.createDirectories(sources.resolve("plans/2024"));
        write(sources.resolve("plans/2024/plan.txt"), "План розвитку громади, стратегія «кленовийлист».");
        session = KbSession.open(temp.resolve("data"));
        session.library().update(List.of(sources), UpdateRequest.builder(), null);
    }

    @AfterEach
    void close() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
        session.close();
    }

    private void startWatching(int maxFolders) throws Exception {
        watcher = SourceWatcher.start(session.library(), null, note -> notes.add(note.text()), maxFolders);
        waitFor("the watcher went through the sources", () -> watcher.status().ready());
    }

    @Test
    void filesCreatedChangedRenamedAndDeletedAreIndexedWithoutAnImport() throws Exception {
        startWatching(100);
        assertEquals(3, watcher.status().folders(), "sources, plans, plans/2024");
        assertTrue(watcher.status().everyFolder());
        assertTrue(notes.get(0).startsWith("Watching 3 folders of 1 source"), notes.toString());

        Path created = sources.resolve("news.txt");
        write(created, "Новина про громаду: «ясенопарк» відкрито для мешканців.");
        waitFor("a new file is indexed", () -> paths("ясенопарк").equals(Set.of(created)));

        write(created, "Новина про громаду: «дубогай» замість парку.");
        waitFor("a changed file is indexed again", () -> paths("дубогай").equals(Set.of(created))
                && paths("ясенопарк").isEmpty());

        Path renamed = sources.resolve("news-renamed.txt");
        Files.move(created, renamed);
        waitFor("a renamed file is under its new name only", () -> paths("дубогай").equals(Set.of(renamed)));

        Files.delete(renamed);
        waitFor("a deleted file is gone", () -> paths("дубогай").isEmpty());

        // a new folder with a file, then one more file in it: the folder is watched from then on
        Path folder = Files.createDirectories(sources.resolve("minutes"));
        write(folder.resolve("one.txt"), "Протокол засідання: «берізонька».");
        waitFor("a file in a new folder is indexed", () -> paths("берізонька").equals(Set.of(folder.resolve("one.txt"))));
        write(folder.resolve("two.txt"), "Другий протокол: «смерічка».");
        waitFor("the new folder is watched", () -> paths("смерічка").equals(Set.of(folder.resolve("two.txt"))));

        // hidden files (an editor's lock file) are not indexed
        write(sources.resolve(".~lock.first.txt#"), "«прихованийфайл»");

        // a folder deleted within the source: what was under it goes
        Path plan = sources.resolve("plans/2024/plan.txt");
        assertEquals(Set.of(plan), paths("кленовийлист"));
        deleteTree(sources.resolve("plans"));
        waitFor("the documents of a deleted folder are gone", () -> paths("кленовийлист").isEmpty());
        waitFor("everything is indexed", watcher::isQuiet);
        assertEquals(Set.of(), paths("прихованийфайл"), "a hidden file is left alone");
        assertEquals(List.of(sources), session.library().recordedSources(), "changed files are no sources of their own");
    }

    @Test
    void aSourceFolderMovedAwayRemovesNothingAndIsWatchedAgainWhenBack() throws Exception {
        startWatching(100);
        Path first = sources.resolve("first.txt");
        assertEquals(Set.of(first), paths("статут"));

        Path away = temp.resolve("unmounted");
        Files.move(sources, away);
        waitFor("the watcher notices the folder is gone", () -> watcher.status().missing().equals(List.of(sources)));
        // a change in the moved folder is no change of the source
        write(away.resolve("first.txt"), "Змінений статут у перенесеній теці: «горобина».");
        waitFor("everything is indexed", watcher::isQuiet);
        assertEquals(Set.of(first), paths("статут"), "the documents of a missing source are kept");
        assertEquals(Set.of(), paths("горобина"));
        assertTrue(notes.stream().anyMatch(n -> n.startsWith(sources + " is gone")), notes.toString());

        Files.move(away, sources);
        waitFor("the source is watched again and what changed meanwhile is indexed",
                () -> watcher.status().missing().isEmpty() && paths("горобина").equals(Set.of(first)));
        Path later = sources.resolve("later.txt");
        write(later, "Після повернення: «калина».");
        waitFor("a change after the return is indexed", () -> paths("калина").equals(Set.of(later)));
    }

    @Test
    void aLimitOfWatchedFoldersIsANoteAndTheWatchedFoldersStillWork() throws Exception {
        Files.createDirectories(sources.resolve("a/b/c"));
        startWatching(2);
        assertEquals(2, watcher.status().folders());
        assertFalse(watcher.status().everyFolder());
        String note = notes.stream().filter(n -> n.startsWith("Not every folder")).findFirst().orElse("");
        assertTrue(note.contains("limit of 2 folders") && note.contains("kb index")
                && note.contains("fs.inotify.max_user_watches"), notes.toString());

        // breadth first: the source folder itself is watched
        Path top = sources.resolve("top.txt");
        write(top, "Файл у корені: «шипшина».");
        waitFor("a change in a watched folder is indexed", () -> paths("шипшина").equals(Set.of(top)));
    }

    @Test
    void byDefaultHalfTheSystemsLimitOfWatchesIsUsed() throws Exception {
        Path limit = Path.of("/proc/sys/fs/inotify/max_user_watches");
        assertTrue(Files.isReadable(limit), "Linux tells its limit (the product is for Linux)");
        long system = Long.parseLong(Files.readAllLines(limit).get(0).strip());
        assertEquals(Math.max(1, Math.min(SourceWatcher.DEFAULT_MAX_FOLDERS, system / 2)), SourceWatcher.defaultMaxFolders());
        assertTrue(SourceWatcher.defaultMaxFolders() > 1, "the limit is read whole: " + system);
    }

    @Test
    void aSourceFileIsWatchedAloneInItsFolder() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("downloads"));
        Path file = folder.resolve("report.txt");
        write(file, "Звіт громади: «бузина».");
        session.library().update(List.of(file), UpdateRequest.builder(), null);
        startWatching(100);
        write(folder.resolve("other.txt"), "Інший файл поруч: «терен».");
        write(file, "Звіт громади, нова редакція: «глід».");
        waitFor("the source file is indexed again", () -> paths("глід").equals(Set.of(file)));
        waitFor("everything is indexed", watcher::isQuiet);
        assertEquals(Set.of(), paths("терен"), "a file beside a source file is no source");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The files found by a query (hits and their copies). */
    private Set<Path> paths(String query) {
        try {
            return session.library().index().search(SearchRequest.builder(query).page(0, 50).build()).hits().stream()
                    .flatMap(h -> java.util.stream.Stream.concat(java.util.stream.Stream.of(h.path()),
                            h.copies().stream().map(SearchHit.Copy::path)))
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("not within " + PATIENCE_MILLIS / 1000 + " s: " + what + "; watcher "
                        + (watcher == null ? "none" : watcher.status()) + ", notes " + notes);
            }
            Thread.sleep(50);
        }
    }
}

package eu.urbanagenda.kb.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SkippedFile;
import eu.urbanagenda.kb.index.StoredDocument;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.ingest.EncodingSource;

/**
 * Incremental updates, encodings and overrides, bad input in a run. Other engines run the same tests by overriding
 * {@link #open(Path)} (e.g. {@code OpenSearchUpdateTest}).
 */
public class UpdateTest {

    @TempDir
    Path tmp;

    /**
     * @param dir an empty folder for the index
     * @return the engine under test, empty, a new index for each call
     * @throws Exception if it cannot be opened
     */
    protected SearchBackend open(Path dir) throws Exception {
        return KbIndex.open(dir);
    }

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve("docs").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void incrementalRuns() throws Exception {
        Path a = write("a.txt", "Громада Львова обговорила бюджет.");
        Path b = write("sub/b.txt", "Общината на София прие бюджета.");
        Path c = write("sub/c.txt", "Громада Києва планує цифрову трансформацію.");
        Path docs = tmp.resolve("docs");
        try (SearchBackend index = open(tmp.resolve("index"))) {
            UpdateReport r1 = index.update(UpdateRequest.of(docs), null);
            assertEquals(Set.of(a, b, c), Set.copyOf(r1.added()), r1.summary());
            assertEquals(3, r1.documents());

            UpdateReport r2 = index.update(UpdateRequest.of(docs), null);
            assertEquals("0 added, 0 updated, 0 removed, 3 unchanged, 0 skipped", r2.summary());

            // content changed (and size), time only changed, file deleted, file added
            Files.writeString(a, "Громада Львова ухвалила бюджет на 2025 рік.");
            FileTime later = FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 60_000);
            Files.setLastModifiedTime(b, later);
            Files.delete(c);
            Path d = write("d.txt", "Нова громада.");
            UpdateReport r3 = index.update(UpdateRequest.of(docs), null);
            assertEquals(List.of(a), r3.updated());
            assertEquals(List.of(c), r3.removed());
            assertEquals(List.of(d), r3.added());
            assertEquals(1, r3.unchanged(), "b is unchanged: only its time moved, its checksum is the same");
            assertEquals(3, index.documentCount());
            assertEquals(later.toMillis(), index.document(b, null).orElseThrow().lastModified());
            assertEquals(1, index.search(SearchRequest.of("ухвалила")).totalHits());
            assertEquals(0, index.search(SearchRequest.of("обговорила")).totalHits());
            assertEquals(0, index.search(SearchRequest.of("Києва")).totalHits());

            // the time-only change was recorded: the next run does not read b again
            assertEquals("0 added, 0 updated, 0 removed, 3 unchanged, 0 skipped",
                    index.update(UpdateRequest.of(docs), null).summary());
        }
    }

    @Test
    void otherSourcesAreLeftAloneAndMissingRootsKeepTheirDocuments() throws Exception {
        Path one = Files.createDirectories(tmp.resolve("one"));
        Path two = Files.createDirectories(tmp.resolve("two"));
        Files.writeString(one.resolve("x.txt"), "Перший документ громади.");
        Files.writeString(two.resolve("y.txt"), "Другий документ громади.");
        try (SearchBackend index = open(tmp.resolve("index"))) {
            index.update(UpdateRequest.of(one, two), null);
            UpdateReport r = index.update(UpdateRequest.of(one), null);
            assertEquals(0, r.removed().size(), "documents of another source stay");
            assertEquals(2, index.documentCount());
            Files.delete(two.resolve("y.txt"));
            Files.delete(two);
            UpdateReport gone = index.update(UpdateRequest.of(two), null);
            assertEquals(0, gone.removed().size(), "an unmounted or missing folder removes nothing");
            assertEquals(List.of(new SkippedFile(two, "does not exist; documents indexed from it are kept")),
                    gone.skipped());
            assertEquals(2, index.documentCount());
            // a file given by name that was deleted is removed
            Path x = one.resolve("x.txt");
            index.update(UpdateRequest.of(x), null);
            Files.delete(x);
            UpdateReport deleted = index.update(UpdateRequest.of(x), null);
            assertEquals(List.of(x), deleted.removed());
            assertTrue(deleted.skipped().isEmpty(), deleted.skipped().toString());
            assertEquals(1, index.documentCount());
        }
    }

    @Test
    void encodingsAndPerFolderOverride() throws Exception {
        String uk = "Громада міста Вінниця підписала меморандум про цифрову трансформацію та розвиток послуг.";
        Path legacy = Files.createDirectories(tmp.resolve("legacy"));
        Files.write(legacy.resolve("cp1251.txt"), uk.getBytes(Charset.forName("windows-1251")));
        Files.write(legacy.resolve("koi8u.txt"), uk.getBytes(Charset.forName("KOI8-U")));
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] utf16 = uk.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[bom.length + utf16.length];
        System.arraycopy(bom, 0, withBom, 0, 2);
        System.arraycopy(utf16, 0, withBom, 2, utf16.length);
        Files.write(legacy.resolve("utf16.txt"), withBom);
        try (SearchBackend index = open(tmp.resolve("index"))) {
            index.update(UpdateRequest.of(legacy), null);
            assertEquals(3, index.search(SearchRequest.of("меморандумом")).totalHits());
            // one text in three files: one document with two copies
            assertEquals(1, index.search(SearchRequest.of("*:*")).totalDocuments());
            Map<String, String> encodings = new java.util.HashMap<>();
            for (String name : List.of("cp1251.txt", "koi8u.txt", "utf16.txt")) {
                encodings.put(name, index.document(legacy.resolve(name), null).orElseThrow().encoding());
            }
            assertEquals(Map.of("cp1251.txt", "windows-1251", "koi8u.txt", "KOI8-U", "utf16.txt", "UTF-16LE"),
                    encodings);

            // an override for the folder re-indexes its files with that encoding (BOM files keep theirs)
            UpdateReport r = index.update(UpdateRequest.builder().source(legacy)
                    .encoding(legacy, Charset.forName("windows-1251")).build(), null);
            assertEquals(3, r.updated().size() + r.unchanged(), r.summary());
            StoredDocument koi = index.document(legacy.resolve("koi8u.txt"), null).orElseThrow();
            assertEquals("windows-1251", koi.encoding());
            assertEquals(EncodingSource.OVERRIDE, koi.encodingSource());
            assertEquals("UTF-16LE", index.document(legacy.resolve("utf16.txt"), null).orElseThrow().encoding());
            assertEquals(2, index.search(SearchRequest.of("меморандумом")).totalHits());
        }
    }

    @Test
    void badFilesAreSkippedAndTheRunGoesOn() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("mixed"));
        Files.writeString(docs.resolve("good1.txt"), "Громада отримала грант.");
        Files.write(docs.resolve("empty.txt"), new byte[0]);
        byte[] binary = new byte[2048];
        new java.util.Random(1).nextBytes(binary);
        binary[0] = 0;
        Files.write(docs.resolve("blob.dat"), binary);
        Files.writeString(docs.resolve("broken.pdf"), "%PDF-1.4\nnot really a pdf at all\n%%EOF");
        Files.writeString(docs.resolve("huge.txt"), "громада ".repeat(5000));
        Files.writeString(docs.resolve("comment.html"), "<html><body><!-- <p>nothing</p></body></html>");
        Files.writeString(docs.resolve("good2.html"), "<html><head><title>Градът</title></head><body>"
                + "<p>Общината прие плана</body>");
        try (SearchBackend index = open(tmp.resolve("index"))) {
            UpdateReport r = index.update(UpdateRequest.builder().source(docs).maxFileSize(10_000).build(), null);
            assertEquals(Set.of("good1.txt", "good2.html"),
                    r.added().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
            Map<String, String> reasons = r.skipped().stream()
                    .collect(Collectors.toMap(s -> s.file().getFileName().toString(), SkippedFile::reason));
            assertEquals(Set.of("empty.txt", "blob.dat", "broken.pdf", "huge.txt", "comment.html"), reasons.keySet(),
                    "each bad file is reported once");
            assertTrue(reasons.get("empty.txt").startsWith("empty file"));
            assertTrue(reasons.get("blob.dat").startsWith("binary file"));
            assertTrue(reasons.get("broken.pdf").startsWith("PDF cannot be read"), reasons.get("broken.pdf"));
            assertTrue(reasons.get("huge.txt").startsWith("file too large"));
            assertTrue(reasons.get("comment.html").startsWith("HTML page has no text"));
            assertEquals(2, index.documentCount());

            // a good file turning bad is removed from the index and reported
            Files.write(docs.resolve("good1.txt"), new byte[0]);
            UpdateReport r2 = index.update(UpdateRequest.builder().source(docs).maxFileSize(10_000).build(), null);
            assertEquals(List.of(docs.resolve("good1.txt")), r2.removed());
            assertEquals(1, index.documentCount());
        }
    }
}

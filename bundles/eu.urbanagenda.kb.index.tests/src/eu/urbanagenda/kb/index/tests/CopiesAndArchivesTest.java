package eu.urbanagenda.kb.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.index.KbIndex;
import eu.urbanagenda.kb.index.SearchBackend;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.index.SearchRequest;
import eu.urbanagenda.kb.index.SearchResult;
import eu.urbanagenda.kb.index.UpdateReport;
import eu.urbanagenda.kb.index.UpdateRequest;
import eu.urbanagenda.kb.ingest.DocumentFormat;

/**
 * One document in many files (../shared/formats, read in place), shown once with its copies; archives indexed member
 * by member, re-read when they change; a scan skipped for a missing OCR language is read once the setting allows it.
 * Other engines run the same tests by overriding {@link #open(Path)} (e.g. {@code OpenSearchCopiesAndArchivesTest}).
 */
public class CopiesAndArchivesTest {

    private static final String NAME = "uk_brown_A_Podolianyn_Budzei_Inspektor_Kamianetskoi_himnazii_2017";
    private static final String OTHER = "bg_bsnlp_brexit_bg_file_1022";

    @TempDir
    Path dir;

    /**
     * @param folder an empty folder for the index
     * @return the engine under test, empty, a new index for each call
     * @throws Exception if it cannot be opened
     */
    protected SearchBackend open(Path folder) throws Exception {
        return KbIndex.open(folder);
    }

    private static Path formats() {
        return Path.of(System.getProperty("kb.shared", "../shared")).resolve("formats").toAbsolutePath().normalize();
    }

    @Test
    void copiesOfOneDocumentAreOneHit() throws Exception {
        UpdateRequest.Builder request = UpdateRequest.builder();
        for (String f : List.of("docx", "odt", "doc", "rtf", "epub", "pdf")) {
            request.source(formats().resolve(f).resolve(NAME + "." + f));
            request.source(formats().resolve(f).resolve(OTHER + "." + f));
        }
        Path copy = Files.copy(formats().resolve("docx").resolve(NAME + ".docx"), dir.resolve("copy.docx"));
        request.source(copy);
        try (SearchBackend index = open(dir.resolve("index"))) {
            UpdateReport r = index.update(request.build(), null);
            assertEquals(13, r.added().size(), r.toString());
            SearchResult res = index.search(SearchRequest.of("спогадів"));
            assertEquals(7, res.totalHits(), "files");
            assertEquals(1, res.totalDocuments(), "documents");
            assertEquals(1, res.hits().size());
            SearchHit hit = res.hits().get(0);
            Set<String> formats = hit.copies().stream().map(c -> c.format().id()).collect(Collectors.toSet());
            formats.add(hit.format().id());
            assertEquals(Set.of("docx", "odt", "doc", "rtf", "epub", "pdf"), formats);
            assertEquals(6, hit.copies().size());

            // the viewer's document lists the same other files
            var stored = index.document(copy, null).orElseThrow();
            Set<Path> others = stored.copies().stream().map(SearchHit.Copy::path).collect(Collectors.toSet());
            assertEquals(6, others.size(), others.toString());
            assertTrue(!others.contains(copy) && others.contains(formats().resolve("pdf").resolve(NAME + ".pdf")),
                    others.toString());
            assertEquals(List.of(), index.document(formats().resolve("pdf").resolve(OTHER + ".pdf"), null)
                    .orElseThrow().copies().stream().filter(c -> c.path().toString().contains(NAME)).toList(),
                    "another document's files are no copies");

            SearchResult all = index.search(SearchRequest.builder("").page(0, 10).build());
            assertEquals(13, all.totalHits());
            assertEquals(2, all.totalDocuments(), "two documents, not grouped together");
            assertEquals(2, all.hits().size());
        }
    }

    @Test
    void textsThatShareAPassageAreNotChainedIntoOneDocument() throws Exception {
        // a notice quoted whole in two different articles: it may count as a copy of one of them, but the two
        // articles, which share nothing else, stay two documents (copies are copies of a group's head, not of each
        // other's copies)
        Random random = new Random(20261128L);
        String notice = words(random, 80);
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Files.writeString(articles.resolve("notice.txt"), "Оголошення\n\n" + notice);
        Files.writeString(articles.resolve("first.txt"), "Перша стаття\n\n" + words(random, 150) + "\n\n" + notice);
        Files.writeString(articles.resolve("second.txt"), "Друга стаття\n\n" + notice + "\n\n" + words(random, 150));
        try (SearchBackend index = open(dir.resolve("index"))) {
            index.update(UpdateRequest.of(articles), null);
            SearchResult all = index.search(SearchRequest.builder("").page(0, 10).build());
            assertEquals(3, all.totalHits());
            assertEquals(2, all.totalDocuments(), all.hits().toString());
        }
    }

    /** Words drawn at random from a small vocabulary: texts that share no run of three words by chance. */
    static String words(Random random, int n) {
        String[] vocabulary = ("громада рада місто село бюджет розвиток стратегія план проєкт дорога школа лікарня "
                + "вода тепло енергія парк площа вулиця міст транспорт автобус житло ремонт будинок підприємство "
                + "робота податок грант програма партнерство співпраця мешканці депутати голова сесія рішення закон "
                + "звіт аудит контроль тендер закупівля кошти фонд інвестиції туризм культура спорт молодь освіта")
                .split(" ");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return b.toString();
    }

    @Test
    void archiveMembersAreDocumentsAndAChangedArchiveIsReadAgain() throws Exception {
        Path zip = dir.resolve("sources/bundle.zip");
        Files.createDirectories(zip.getParent());
        Files.write(zip, zip("a.txt", "Громада ухвалила бюджет розвитку.", "b.txt", "Община прие бюджета за развитие."));
        try (SearchBackend index = open(dir.resolve("index"))) {
            index.update(UpdateRequest.of(zip.getParent()), null);
            List<SearchHit> hits = index.search(SearchRequest.of("бюджет OR бюджета")).hits();
            assertEquals(Set.of(zip + "!/a.txt", zip + "!/b.txt"),
                    hits.stream().map(h -> h.path().toString()).collect(Collectors.toSet()));
            assertTrue(index.document(Path.of(zip + "!/a.txt"), null).isPresent());

            Files.write(zip, zip("a.txt", "Громада ухвалила новий бюджет розвитку.", "c.txt", "Інша тема."));
            Files.setLastModifiedTime(zip, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
            UpdateReport again = index.update(UpdateRequest.of(zip.getParent()), null);
            assertEquals(List.of(zip), again.updated());
            assertEquals(Set.of(zip + "!/a.txt", zip + "!/c.txt"), index.search(SearchRequest.of("*:*")).hits().stream()
                    .map(h -> h.path().toString()).collect(Collectors.toSet()), "the deleted member is gone");
            assertEquals(1, index.search(SearchRequest.of("новий")).totalHits());

            Files.delete(zip);
            index.update(UpdateRequest.of(zip.getParent()), null);
            assertEquals(0, index.search(SearchRequest.of("*:*")).totalHits());
        }
    }

    @Test
    void aScanSkippedForAMissingLanguageIsReadOnceItCanBe() throws Exception {
        Path scans = dir.resolve("scans");
        Files.createDirectories(scans);
        Files.copy(formats().resolve("scan-jpg").resolve(OTHER + ".jpg"), scans.resolve("scan.jpg"));
        try (SearchBackend index = open(dir.resolve("index"))) {
            UpdateReport first = index.update(UpdateRequest.builder().source(scans)
                    .ocrLanguages(scans, List.of("deu")).build(), null);
            assertEquals(1, first.skipped().size(), first.toString());
            assertTrue(first.skipped().get(0).reason().contains("apt-get install tesseract-ocr-deu"),
                    first.skipped().get(0).reason());
            UpdateReport second = index.update(UpdateRequest.builder().source(scans)
                    .ocrLanguages(scans, List.of("bul")).build(), null);
            assertEquals(1, second.added().size(), "not taken as unchanged: " + second);
            SearchHit hit = index.search(SearchRequest.of("Джонсън")).hits().get(0);
            assertEquals(DocumentFormat.IMAGE, hit.format());
            assertTrue(hit.metadata().ocrConfidence() > 50, "confidence " + hit.metadata().ocrConfidence());
            assertTrue(index.document(hit.path(), null).orElseThrow().metadata().ocrConfidence() > 50);
        }
    }

    private static byte[] zip(String... nameText) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (int i = 0; i < nameText.length; i += 2) {
                out.putNextEntry(new ZipEntry(nameText[i]));
                out.write(nameText[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

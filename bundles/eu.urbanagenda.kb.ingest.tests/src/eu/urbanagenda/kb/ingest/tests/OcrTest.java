package eu.urbanagenda.kb.ingest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Extraction;
import eu.urbanagenda.kb.ingest.ExtractionSettings;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ingest.SkippedFileException;
import eu.urbanagenda.kb.ingest.internal.Tesseract;

/**
 * OCR with the real Tesseract (CI installs it with ukr, bul and eng) on one real scan of ../shared/formats: the text
 * of the first page is recognised, marked with its confidence, kept in the cache (a second reading starts no
 * Tesseract process), and a missing Tesseract or language skips the file with what to install.
 */
class OcrTest {

    private static final String NAME = "bg_bsnlp_brexit_bg_file_1022";

    @TempDir
    Path dir;

    @Test
    void aScannedPdfIsReadByOcrOnceAndThenFromTheCache() throws Exception {
        Path scan = SharedFormats.file("scan-pdf", NAME);
        ExtractionSettings settings = ExtractionSettings.builder().ocrCache(dir.resolve("cache")).build();
        long before = Tesseract.processesStarted();
        ExtractedDocument d = new DocumentExtractor(settings).extract(scan);
        long runs = Tesseract.processesStarted() - before;
        assertEquals(1, runs, "a clear page of one is read once, in the three languages together");
        assertEquals(DocumentFormat.PDF, d.format());
        assertEquals(Language.BG, d.language());
        assertNotNull(d.ocrConfidence(), "marked as OCR text");
        assertTrue(d.ocrConfidence() > 60 && d.ocrConfidence() <= 100, "confidence " + d.ocrConfidence());
        double recall = SharedFormats.recall(d.text(), SharedFormats.words(SharedFormats.firstPage(NAME)));
        assertTrue(recall >= 0.85, "word recall of the first page " + recall + "\n" + d.text());

        // again, from a copy elsewhere, by another extractor: the cache answers, no Tesseract process
        Path copy = Files.copy(scan, dir.resolve("moved-copy.pdf"));
        long again = Tesseract.processesStarted();
        ExtractedDocument cached = new DocumentExtractor(settings).extract(copy);
        assertEquals(again, Tesseract.processesStarted(), "no OCR for a file whose checksum is in the cache");
        assertEquals(d.text(), cached.text());
        assertEquals(d.ocrConfidence(), cached.ocrConfidence(), 0.01);
    }

    @Test
    void aMissingLanguageOrTesseractSkipsTheFileWithWhatToInstall() throws Exception {
        Path scan = SharedFormats.file("scan-jpg", NAME);
        byte[] bytes = Files.readAllBytes(scan);
        DocumentExtractor extractor = new DocumentExtractor();
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> extractor.extractAll(scan, bytes, 0,
                new DocumentExtractor.FileOptions(null, List.of("deu"), s -> {
                })));
        assertTrue(e.reason().contains("apt-get install tesseract-ocr-deu"), e.reason());
        assertTrue(e.retry(), "read again once the language is installed");

        DocumentExtractor none = new DocumentExtractor(ExtractionSettings.builder()
                .tesseract(dir.resolve("no-tesseract-here").toString()).build());
        SkippedFileException missing = assertThrows(SkippedFileException.class, () -> none.extract(scan));
        assertTrue(missing.reason().contains("Tesseract is not installed (apt-get install tesseract-ocr"),
                missing.reason());
        assertTrue(missing.retry());
    }

    @Test
    void anImageIsADocumentOfItsOwn() throws Exception {
        Path scan = SharedFormats.file("scan-jpg", NAME);
        Extraction x = new DocumentExtractor(ExtractionSettings.builder().ocrCache(dir).build()).extractAll(scan,
                Files.readAllBytes(scan), 0, DocumentExtractor.FileOptions.NONE);
        ExtractedDocument d = x.documents().get(0);
        assertEquals(DocumentFormat.IMAGE, d.format());
        assertNotNull(d.ocrConfidence());
        assertTrue(d.text().contains("Джонсън"), d.text());
    }
}

package eu.urbanagenda.kb.ingest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.EncodingSource;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ingest.SkippedFileException;

/** PDFs made here with PDFBox: a good one, one whose text is garbage, one without text, damaged and encrypted. */
class PdfTest {

    private static final List<String> LINES = List.of("Громада міста підписала меморандум",
            "про цифрову трансформацію та розвиток послуг.", "Мешканці отримають нові можливості.");

    @TempDir
    Path dir;

    private final DocumentExtractor extractor = new DocumentExtractor();

    /** A PDF made with {@link TestPdfs}, created on 17 May 2022 at noon UTC. */
    static void writePdf(Path file, List<String> lines, boolean unicodeFont, String title) throws Exception {
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.clear();
        created.set(2022, Calendar.MAY, 17, 12, 0, 0);
        TestPdfs.write(file, lines, unicodeFont, title, created);
    }

    @Test
    void textLayerAndMetadata() throws Exception {
        Path p = dir.resolve("memorandum.pdf");
        writePdf(p, LINES, true, "Меморандум громади");
        ExtractedDocument d = extractor.extract(p);
        assertEquals(DocumentFormat.PDF, d.format());
        assertNull(d.encoding());
        assertEquals(EncodingSource.NONE, d.encodingSource());
        assertEquals("Меморандум громади", d.title());
        assertEquals(LocalDate.of(2022, 5, 17), d.date());
        assertEquals(Language.UK, d.language());
        for (String line : LINES) {
            assertTrue(d.text().contains(line), d.text());
        }
    }

    @Test
    void garbageTextIsFlaggedNotIndexed() throws Exception {
        // Cyrillic text set in a font without a Unicode map for it: what the extractor sees is Latin-1 mojibake
        List<String> mojibake = LINES.stream().map(l -> new String(l.getBytes(Charset.forName("windows-1251")),
                Charset.forName("windows-1252"))).toList();
        Path p = dir.resolve("legacy-font.pdf");
        writePdf(p, mojibake, false, null);
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> extractor.extract(p));
        assertTrue(e.reason().startsWith("PDF text is unreadable"), e.reason());
        assertTrue(e.getMessage().startsWith(p.toAbsolutePath().normalize().toString()), e.getMessage());
    }

    @Test
    void pdfWithoutText() throws Exception {
        Path p = dir.resolve("scan.pdf");
        writePdf(p, List.of(), true, "Скан");
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> extractor.extract(p));
        assertTrue(e.reason().startsWith("PDF has no text"), e.reason());
    }

    @Test
    void damagedPdf() throws Exception {
        byte[] junk = new byte[3000];
        new java.util.Random(7).nextBytes(junk);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = EncodingTest.concat(head, junk);
        Path p = Files.write(dir.resolve("damaged.pdf"), bytes);
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> extractor.extract(p));
        assertTrue(e.reason().startsWith("PDF cannot be read"), e.reason());
    }

    @Test
    void encryptedPdf() throws Exception {
        Path plain = dir.resolve("plain.pdf");
        writePdf(plain, LINES, true, null);
        Path p = dir.resolve("secret.pdf");
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(plain.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(p.toFile());
        }
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> extractor.extract(p));
        assertEquals("PDF is encrypted with a password", e.reason());
    }
}

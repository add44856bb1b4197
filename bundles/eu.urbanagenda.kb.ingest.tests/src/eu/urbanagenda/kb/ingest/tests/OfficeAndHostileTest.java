package eu.urbanagenda.kb.ingest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Extraction;
import eu.urbanagenda.kb.ingest.ExtractionSettings;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ingest.SkippedFileException;

/**
 * Spreadsheets, slides, OpenDocument spreadsheets and presentations, e-mail and archives made here (with POI, or by
 * writing their XML and MIME text), and hostile or broken files: each is read or skipped with a reason naming it.
 */
class OfficeAndHostileTest {

    private static final String UK = "Громада міста затвердила план цифрової трансформації послуг";
    private static final String BG = "Общината прие плана за цифрова трансформация на услугите";

    @TempDir
    Path dir;

    private final DocumentExtractor extractor = new DocumentExtractor();

    @Test
    void spreadsheetsAndSlidesWithTheirMetadata() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb);
            wb.getProperties().getCoreProperties().setCreator("Олена Коваль");
            wb.getProperties().getCoreProperties().setTitle("План громади");
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new Date(1_650_000_000_000L)));
            write(wb, "plan.xlsx");
        }
        ExtractedDocument xlsx = extractor.extract(dir.resolve("plan.xlsx"));
        assertEquals(DocumentFormat.XLSX, xlsx.format());
        assertTrue(xlsx.text().contains(UK), xlsx.text());
        assertEquals("Олена Коваль", xlsx.author());
        assertEquals("План громади", xlsx.title());
        assertEquals(1_650_000_000_000L, xlsx.created().toEpochMilli());
        assertEquals(Language.UK, xlsx.language());

        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            fill(wb);
            write(wb, "plan.xls");
        }
        ExtractedDocument xls = extractor.extract(dir.resolve("plan.xls"));
        assertEquals(DocumentFormat.XLS, xls.format());
        assertTrue(xls.text().contains(UK), xls.text());

        try (XMLSlideShow show = new XMLSlideShow()) {
            XSLFTextBox box = show.createSlide().createTextBox();
            box.setText(BG);
            try (OutputStream out = Files.newOutputStream(dir.resolve("slides.pptx"))) {
                show.write(out);
            }
        }
        ExtractedDocument pptx = extractor.extract(dir.resolve("slides.pptx"));
        assertEquals(DocumentFormat.PPTX, pptx.format());
        assertTrue(pptx.text().contains(BG), pptx.text());
        assertEquals(Language.BG, pptx.language());

        try (HSLFSlideShow show = new HSLFSlideShow()) {
            HSLFTextBox box = show.createSlide().createTextBox();
            box.setText(BG);
            try (OutputStream out = Files.newOutputStream(dir.resolve("slides.ppt"))) {
                show.write(out);
            }
        }
        ExtractedDocument ppt = extractor.extract(dir.resolve("slides.ppt"));
        assertEquals(DocumentFormat.PPT, ppt.format());
        assertTrue(ppt.text().contains(BG), ppt.text());
    }

    @Test
    void openDocumentSpreadsheetsPresentationsAndMail() throws Exception {
        for (String[] kind : new String[][] {{"ods", "spreadsheet"}, {"odp", "presentation"}}) {
            Path p = dir.resolve("doc." + kind[0]);
            Files.write(p, zip(new String[] {"mimetype", "application/vnd.oasis.opendocument." + kind[1]},
                    new String[] {"content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                            + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:"
                            + kind[1] + "><text:p>" + UK + "</text:p></office:" + kind[1]
                            + "></office:body></office:document-content>"},
                    new String[] {"meta.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-meta "
                            + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                            + "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"><office:meta>"
                            + "<dc:title>Звіт</dc:title><meta:initial-creator>Іван Петренко</meta:initial-creator>"
                            + "<meta:creation-date>2023-03-14T10:00:00</meta:creation-date></office:meta>"
                            + "</office:document-meta>"}));
            ExtractedDocument d = extractor.extract(p);
            assertEquals(kind[0], d.format().id());
            assertTrue(d.text().contains(UK), d.text());
            assertEquals("Звіт", d.title());
            assertEquals("Іван Петренко", d.author());
            assertEquals(java.time.LocalDate.of(2023, 3, 14), d.date());
        }
        Path eml = dir.resolve("letter.eml");
        Files.writeString(eml, "From: Марія Іваненко <maria@example.org>\r\nTo: team@example.org\r\n"
                + "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("Про план".getBytes(StandardCharsets.UTF_8))
                + "?=\r\nDate: Tue, 14 Mar 2023 10:00:00 +0200\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + UK + ".\r\n",
                StandardCharsets.UTF_8);
        ExtractedDocument mail = extractor.extract(eml);
        assertEquals(DocumentFormat.EML, mail.format());
        assertTrue(mail.text().contains(UK), mail.text());
        assertEquals("Про план", mail.title());
        assertTrue(String.valueOf(mail.author()).contains("Марія Іваненко"), mail.author());
        assertEquals(java.time.LocalDate.of(2023, 3, 14), mail.date());
    }

    @Test
    void archivesGiveTheirMembersAndRefuseBombsAndDeepNesting() throws Exception {
        Path docx = SharedFormats.file("docx", "bg_bsnlp_brexit_bg_file_1022");
        byte[] inner = zip(new String[] {"notes/бележка.txt", BG});
        byte[] archive = zipBytes(new Object[] {"report.docx", Files.readAllBytes(docx)},
                new Object[] {"inner.zip", inner}, new Object[] {"tool.exe", new byte[] {'M', 'Z', 0, 0, 1, 2}});
        Path a = Files.write(dir.resolve("bundle.zip"), archive);
        Extraction x = extractor.extractAll(a, archive, 0, DocumentExtractor.FileOptions.NONE);
        assertEquals(2, x.documents().size(), x.toString());
        assertEquals(a + "!/report.docx", x.documents().get(0).path().toString());
        assertEquals(DocumentFormat.DOCX, x.documents().get(0).format());
        assertEquals(a + "!/inner.zip!/notes/бележка.txt", x.documents().get(1).path().toString());
        assertEquals(1, x.skipped().size());
        assertEquals(a + "!/tool.exe", x.skipped().get(0).file().toString());

        // a zip bomb: 300 MB of zeros in a file of a few hundred kilobytes
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> extractor.extract(bomb));
        assertTrue(e.reason().contains("decompression bomb"), e.reason());
        assertTrue(e.getMessage().startsWith(bomb.toString()), e.getMessage());

        // archives nested deeper than the limit
        byte[] nested = zip(new String[] {"deep.txt", UK});
        for (int i = 0; i < 5; i++) {
            nested = zipBytes(new Object[] {"level" + i + ".zip", nested});
        }
        Path deep = Files.write(dir.resolve("deep.zip"), nested);
        SkippedFileException d = assertThrows(SkippedFileException.class,
                () -> extractor.extractAll(deep, Files.readAllBytes(deep), 0, DocumentExtractor.FileOptions.NONE));
        assertTrue(d.reason().contains("nested more than 3 levels deep"), d.reason());
    }

    @Test
    void encryptedDamagedAndHostileFilesAreSkippedWithTheirReason() throws Exception {
        // an encrypted .docx (an OLE2 container with the encrypted package)
        Path plain = SharedFormats.file("docx", "bg_bsnlp_brexit_bg_file_1022");
        Path secret = dir.resolve("secret.docx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("пароль");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            }
            try (OutputStream out = Files.newOutputStream(secret)) {
                fs.writeFilesystem(out);
            }
        }
        assertReason(secret, "encrypted with a password");

        // truncated documents
        for (String f : new String[] {"docx", "odt", "doc", "epub"}) {
            byte[] whole = Files.readAllBytes(SharedFormats.file(f, "bg_bsnlp_brexit_bg_file_1022"));
            Path cut = Files.write(dir.resolve("cut." + f), Arrays.copyOf(whole, whole.length / 3));
            assertThrows(SkippedFileException.class, () -> extractor.extract(cut), cut.toString());
        }

        // a PNG that claims 100,000 × 100,000 pixels
        Path png = dir.resolve("bomb.png");
        Files.write(png, pngHeader(100_000, 100_000));
        assertReason(png, "image too large to read (100000 × 100000 pixels");

        // a text that quotes a PDF header is text
        Path txt = Files.writeString(dir.resolve("about-pdf.txt"), "Файл починається з %PDF-1.7, а далі текст. " + UK);
        ExtractedDocument t = extractor.extract(txt);
        assertEquals(DocumentFormat.TEXT, t.format());

        // a parser that takes too long is given up (here: any parser, with a limit of one millisecond)
        DocumentExtractor hasty = new DocumentExtractor(ExtractionSettings.builder()
                .timeLimit(Duration.ofMillis(1)).build());
        Path big = SharedFormats.file("doc", "uk_brown_A_Novyi_den_Savchenko_I_lokhotron_buvaie_hrandioznym_2017");
        SkippedFileException slow = assertThrows(SkippedFileException.class, () -> hasty.extract(big));
        assertTrue(slow.reason().startsWith("reading took longer than"), slow.reason());
        // and the next file is read as usual
        assertEquals(DocumentFormat.DOC, extractor.extract(big).format());
    }

    private void assertReason(Path p, String reason) {
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> extractor.extract(p), p.toString());
        assertTrue(e.reason().contains(reason), e.reason());
    }

    private void fill(Workbook wb) {
        Sheet sheet = wb.createSheet("Дані");
        sheet.createRow(0).createCell(0).setCellValue(UK);
        sheet.createRow(1).createCell(1).setCellValue(2023);
    }

    private void write(Workbook wb, String name) throws Exception {
        try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
            wb.write(out);
        }
    }

    /** A ZIP with text members; the first is stored (as ODF wants its mimetype). */
    static byte[] zip(String[]... members) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (String[] m : members) {
                byte[] data = m[1].getBytes(StandardCharsets.UTF_8);
                ZipEntry e = new ZipEntry(m[0]);
                if (first) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCrc(crc.getValue());
                    first = false;
                }
                out.putNextEntry(e);
                out.write(data);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zipBytes(Object[]... members) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Object[] m : members) {
                out.putNextEntry(new ZipEntry((String) m[0]));
                out.write((byte[]) m[1]);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The signature and header chunk of a PNG of the given size, and a tiny data chunk. */
    private static byte[] pngHeader(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(w).putInt(h).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        b.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        CRC32 end = new CRC32();
        end.update("IEND".getBytes(StandardCharsets.US_ASCII));
        b.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
        return b.array();
    }
}

package eu.urbanagenda.kb.ingest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.DocumentFormat;
import eu.urbanagenda.kb.ingest.EncodingSource;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ingest.SkippedFileException;
import eu.urbanagenda.kb.ingest.SourceScanner;
import eu.urbanagenda.kb.analysis.text.TextNormalizer;

/** Plain text and HTML extraction, bad input, normalisation and the file scanner. */
class ExtractionTest {

    private final DocumentExtractor extractor = new DocumentExtractor();

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, String text) throws Exception {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainText() throws Exception {
        Path p = write("новини/меморандум.txt", "# Меморандум про цифрову трансформацію\n\n19 жовтня 2021 року "
                + "громади підписали меморандум.\r\nДругий рядок.");
        ExtractedDocument d = extractor.extract(p);
        assertEquals(DocumentFormat.TEXT, d.format());
        assertEquals("Меморандум про цифрову трансформацію", d.title());
        assertEquals(LocalDate.of(2021, 10, 19), d.date());
        assertEquals(Language.UK, d.language());
        assertEquals("UTF-8", d.encoding());
        assertFalse(d.text().contains("\r"), "line ends are LF");
        assertEquals(Files.size(p), d.size());
        assertEquals(64, d.sha256().length());
        assertEquals(d.sha256(), DocumentExtractor.sha256(Files.readAllBytes(p)));
        assertEquals(p.toAbsolutePath().normalize(), d.path());
    }

    @Test
    void datesInBulgarianAndWithLookAlikes() throws Exception {
        ExtractedDocument d = extractor.extract(write("bg.txt", "Новини\nПубликувaнa: 5 Нoeмври, 2020 12:53\nТекст."));
        assertEquals(LocalDate.of(2020, 11, 5), d.date());
        assertNull(extractor.extract(write("old.txt", "Іван Франко народився 27 серпня 1856 року.")).date(),
                "historical dates are not publication dates");
    }

    @Test
    void normalisationKeepsDisplayAndCleansMatching() throws Exception {
        String decomposed = "Орфое\u0301пія и\u0306 кра\u00ADїна";
        ExtractedDocument d = extractor.extract(write("stress.txt", decomposed));
        assertEquals("Орфое\u0301пія й кра\u00ADїна", d.text(), "NFC composes й; stress and soft hyphen stay");
        assertEquals("Орфоепія й країна", TextNormalizer.forMatching(d.text()));
        assertEquals("м'ясо м'ясо м'ясо м'ясо", TextNormalizer.forMatching("м’ясо мʼясо м`ясо м'ясо"));
    }

    @Test
    void html() throws Exception {
        String html = """
                <!DOCTYPE html>
                <html lang="uk">
                <head>
                  <meta charset="windows-1251">
                  <title>Цифрова громада &mdash; новини</title>
                  <meta name="description" content="Про цифрову трансформацію громад">
                  <meta property="article:published_time" content="2023-03-13T10:00:00+02:00">
                  <style>p { color: red; }</style>
                  <script>var громада = 'скрипт';</script>
                </head>
                <body>
                  <header><a href="/">Головна</a></header>
                  <nav><ul><li>Меню навігації</li></ul></nav>
                  <main>
                    <h1>Громади Вінниччини</h1>
                    <p>Експерти проєкту консультують <b>громади</b> щодо цифрових рішень.</p>
                    <p>Другий абзац<br>з розривом рядка.</p>
                  </main>
                  <footer>© Підвал сайту</footer>
                  <noscript>Увімкніть JavaScript</noscript>
                </body>
                </html>
                """;
        ExtractedDocument d = extractor.extract(write("page.html", html.getBytes(Charset.forName("windows-1251"))));
        assertEquals(DocumentFormat.HTML, d.format());
        assertEquals("windows-1251", d.encoding());
        assertEquals(EncodingSource.HTML_META, d.encodingSource());
        assertEquals("Цифрова громада — новини", d.title());
        assertEquals("Про цифрову трансформацію громад", d.description());
        assertEquals(LocalDate.of(2023, 3, 13), d.date());
        assertEquals(Language.UK, d.language());
        assertEquals("Громади Вінниччини\nЕксперти проєкту консультують громади щодо цифрових рішень.\n"
                + "Другий абзац\nз розривом рядка.", d.text());
        for (String noise : List.of("скрипт", "color", "Меню", "Головна", "Підвал", "JavaScript")) {
            assertFalse(d.text().contains(noise), noise + " is not main text");
        }
    }

    @Test
    void brokenHtmlIsRepaired() throws Exception {
        String broken = "<html><head><title>Градът</title><body><div><p>Общината прие <b>плана за "
                + "дигитален преход<p>Втори абзац</div></span></td> без затваряне <i>на тагове";
        ExtractedDocument d = extractor.extract(write("broken.htm", broken));
        assertEquals(DocumentFormat.HTML, d.format());
        assertEquals("Градът", d.title());
        assertTrue(d.text().contains("Общината прие плана за дигитален преход"), d.text());
        assertTrue(d.text().contains("Втори абзац"), d.text());
        assertTrue(d.text().contains("без затваряне на тагове"), d.text());
        assertEquals(Language.BG, d.language());
    }

    @Test
    void htmlWithoutTextIsSkipped() throws Exception {
        Path p = write("comment.html", "<html><body><!-- an unclosed comment swallows <p>everything</p></body>");
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> extractor.extract(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
        assertTrue(e.reason().contains("no text"), e.reason());
    }

    @Test
    void htmlIsRecognisedByContent() throws Exception {
        ExtractedDocument d = extractor.extract(write("page", "<!doctype html><html><body><p>Hello there, this "
                + "is the text of the page</p></body></html>"));
        assertEquals(DocumentFormat.HTML, d.format());
        assertEquals(Language.EN, d.language());
    }

    @Test
    void badInputIsSkippedWithOneClearReason() throws Exception {
        assertSkipped(write("empty.txt", new byte[0]), "empty file");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertSkipped(write("image.txt", png), "binary file (PNG image)");
        byte[] random = new byte[4096];
        new java.util.Random(42).nextBytes(random);
        assertSkipped(write("data.bin", random), "binary file");
        assertSkipped(write("blank.txt", "  \n\t \n"), "no text");
        assertSkipped(write("fake.pdf", "this is not a PDF"), "damaged PDF");
        Path big = write("big.txt", "громада ".repeat(2000));
        SkippedFileException e = assertThrows(SkippedFileException.class,
                () -> extractor.extract(big, 1000, null));
        assertTrue(e.reason().startsWith("file too large"), e.reason());
        assertTrue(e.getMessage().contains("big.txt"));
        assertSkipped(dir.resolve("missing.txt"), "file not found");
    }

    private void assertSkipped(Path p, String reason) {
        SkippedFileException e = assertThrows(SkippedFileException.class, () -> extractor.extract(p), p.toString());
        assertTrue(e.reason().startsWith(reason), p + ": " + e.reason());
        assertEquals(p.toAbsolutePath().normalize(), e.file());
        assertEquals(p.toAbsolutePath().normalize() + ": " + e.reason(), e.getMessage());
    }

    @Test
    void scannerWalksFoldersSkipsHiddenAndReportsMissing() throws Exception {
        write("a/b/c.txt", "один");
        write("a/d.html", "<p>два</p>");
        write("a/.hidden/e.txt", "три");
        write("a/.f.txt", "чотири");
        SourceScanner.Result r = SourceScanner.scan(List.of(dir.resolve("a"), dir.resolve("nope")));
        assertEquals(List.of(dir.resolve("a/b/c.txt"), dir.resolve("a/d.html")),
                r.files().stream().map(f -> f.path()).toList());
        assertEquals(1, r.problems().size());
        assertEquals("does not exist", r.problems().get(0).reason());
    }
}

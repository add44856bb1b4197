package eu.urbanagenda.kb.ingest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.urbanagenda.kb.ingest.DecodedText;
import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.EncodingOverrides;
import eu.urbanagenda.kb.ingest.EncodingSource;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ingest.TextDecoder;

/** Encodings: BOM, strict UTF-8, HTML meta charset, Cyrillic detection, the KOI8-U repair, overrides. */
class EncodingTest {

    /** Own sentences (not from the corpus). */
    static final String UK = "Громада міста Вінниця підписала меморандум про цифрову трансформацію. "
            + "Її мешканці отримають послуги онлайн, а місцеві підприємці - нові можливості для розвитку. "
            + "Ґрунтовні зміни почнуться в жовтні, пояснив голова громади.";
    static final String BG = "Общината прие план за дигитален преход на градските услуги. Жителите ще могат "
            + "да подават заявления по интернет, а кметът обеща нови възможности за малкия бизнес в града.";
    static final String RU = "Городской совет обсудил цифровую трансформацию. Жители смогут получать услуги "
            + "через интернет, а предприниматели получат новые возможности для развития.";

    private final TextDecoder decoder = new TextDecoder();

    private void detects(String text, String charset, EncodingSource source) {
        Charset cs = Charset.forName(charset);
        DecodedText d = decoder.decode(text.getBytes(cs), false, null);
        assertEquals(cs, d.charset(), "charset of " + charset + " text");
        assertEquals(source, d.source());
        assertEquals(text, d.text());
    }

    @Test
    void windows1251() {
        detects(UK, "windows-1251", EncodingSource.DETECTED);
        detects(BG, "windows-1251", EncodingSource.DETECTED);
        detects(RU, "windows-1251", EncodingSource.DETECTED);
    }

    @Test
    void koi8uIsRepairedFromKoi8r() {
        detects(UK, "KOI8-U", EncodingSource.KOI8U_REPAIR);
    }

    @Test
    void koi8r() {
        detects(RU, "KOI8-R", EncodingSource.DETECTED);
        detects(BG, "KOI8-R", EncodingSource.DETECTED);
    }

    @Test
    void iso88595AndCp866() {
        detects(BG, "ISO-8859-5", EncodingSource.DETECTED);
        detects(RU, "ISO-8859-5", EncodingSource.DETECTED);
        detects(RU, "IBM866", EncodingSource.DETECTED);
        detects(BG, "IBM866", EncodingSource.DETECTED);
    }

    @Test
    void shortTextsStillDecode() {
        detects("Київська громада", "windows-1251", EncodingSource.DETECTED);
        detects("Цифрові громади", "KOI8-U", EncodingSource.KOI8U_REPAIR);
        detects("Градът София", "windows-1251", EncodingSource.DETECTED);
    }

    @Test
    void byteOrderMarks() {
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, UK.getBytes(StandardCharsets.UTF_16LE));
        DecodedText d = decoder.decode(utf16le, false, null);
        assertEquals(StandardCharsets.UTF_16LE, d.charset());
        assertEquals(EncodingSource.BOM, d.source());
        assertEquals(UK, d.text());
        byte[] utf16be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, BG.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(BG, decoder.decode(utf16be, false, null).text());
        byte[] utf8bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, UK.getBytes(StandardCharsets.UTF_8));
        d = decoder.decode(utf8bom, false, null);
        assertEquals(EncodingSource.BOM, d.source());
        assertEquals(UK, d.text(), "the BOM is not part of the text");
    }

    @Test
    void utf16WithoutBomByItsPattern() {
        DecodedText d = decoder.decode(UK.getBytes(StandardCharsets.UTF_16LE), false, null);
        assertEquals(StandardCharsets.UTF_16LE, d.charset());
        assertEquals(EncodingSource.UTF16_PATTERN, d.source());
        assertEquals(UK, d.text());
    }

    @Test
    void strictUtf8() {
        DecodedText d = decoder.decode(UK.getBytes(StandardCharsets.UTF_8), false, null);
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals(EncodingSource.UTF8, d.source());
    }

    @Test
    void htmlMetaCharset() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-u\">"
                + "<title>Громада</title></head><body><p>" + UK + "</p></body></html>";
        DecodedText d = decoder.decode(html.getBytes(Charset.forName("KOI8-U")), true, null);
        assertEquals(Charset.forName("KOI8-U"), d.charset());
        assertEquals(EncodingSource.HTML_META, d.source());
        assertTrue(d.text().contains(UK));
    }

    @Test
    void htmlMetaSayingUtf8IsIgnoredWhenTheBytesAreNot() {
        String html = "<html><head><meta charset=\"utf-8\"></head><body><p>" + BG + "</p></body></html>";
        DecodedText d = decoder.decode(html.getBytes(Charset.forName("windows-1251")), true, null);
        assertEquals(Charset.forName("windows-1251"), d.charset());
        assertEquals(EncodingSource.DETECTED, d.source());
    }

    @Test
    void overrideReplacesGuessingButNotUtf8(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("koi"));
        Path koi = folder.resolve("a.txt");
        Files.write(koi, BG.getBytes(Charset.forName("KOI8-R")));
        Path utf8 = folder.resolve("b.txt");
        Files.writeString(utf8, UK);
        EncodingOverrides overrides = new EncodingOverrides(Map.of(folder, Charset.forName("KOI8-R")));
        assertEquals(Charset.forName("KOI8-R"), overrides.forFile(koi));
        DocumentExtractor x = new DocumentExtractor();
        ExtractedDocument a = x.extract(koi, DocumentExtractor.DEFAULT_MAX_FILE_SIZE, overrides.forFile(koi));
        assertEquals("KOI8-R", a.encoding());
        assertEquals(EncodingSource.OVERRIDE, a.encodingSource());
        assertEquals(BG, a.text());
        ExtractedDocument b = x.extract(utf8, DocumentExtractor.DEFAULT_MAX_FILE_SIZE, overrides.forFile(utf8));
        assertEquals("UTF-8", b.encoding());
        assertEquals(EncodingSource.UTF8, b.encodingSource());
        // a wrong override is obeyed: that is what an override is for
        ExtractedDocument wrong = x.extract(koi, DocumentExtractor.DEFAULT_MAX_FILE_SIZE, Charset.forName("windows-1251"));
        assertEquals("windows-1251", wrong.encoding());
        assertTrue(!wrong.text().equals(BG));
    }

    @Test
    void filesRecordTheEncodingUsed(@TempDir Path dir) throws Exception {
        Map<String, String> files = Map.of("cp1251.txt", "windows-1251", "koi8u.txt", "KOI8-U", "utf16.txt",
                "UTF-16LE");
        for (var e : files.entrySet()) {
            byte[] bytes = UK.getBytes(Charset.forName(e.getValue()));
            if (e.getValue().equals("UTF-16LE")) {
                bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes);
            }
            Files.write(dir.resolve(e.getKey()), bytes);
        }
        DocumentExtractor x = new DocumentExtractor();
        for (var e : files.entrySet()) {
            ExtractedDocument d = x.extract(dir.resolve(e.getKey()));
            assertEquals(e.getValue(), d.encoding(), e.getKey());
            assertEquals(UK, d.text(), e.getKey());
            assertEquals(Language.UK, d.language(), e.getKey());
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}

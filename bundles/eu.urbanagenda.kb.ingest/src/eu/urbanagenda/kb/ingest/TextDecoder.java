package eu.urbanagenda.kb.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import eu.urbanagenda.kb.analysis.text.TextNormalizer;
import eu.urbanagenda.kb.ingest.internal.BinarySniffer;
import eu.urbanagenda.kb.ingest.internal.CyrillicCharsetDetector;

/**
 * Decodes the bytes of a text or HTML document. The encoding is chosen in this order:
 * <ol>
 * <li>a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);</li>
 * <li>strict UTF-8 (every byte sequence valid; plain ASCII included);</li>
 * <li>an override configured for the document's folder (it replaces guessing, never a BOM or valid UTF-8);</li>
 * <li>UTF-16 without BOM, recognised by its byte pattern;</li>
 * <li>for HTML, the charset of a {@code <meta>} element or XML declaration;</li>
 * <li>detection restricted to the Cyrillic single-byte encodings (windows-1251, KOI8-R, ISO-8859-5, CP866), followed
 * by the repair step that turns KOI8-R into KOI8-U when the bytes use letters only KOI8-U has.</li>
 * </ol>
 * The result is normalised by {@link TextNormalizer#forDisplay(String)}. Instances are thread-safe.
 */
public final class TextDecoder {

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([-A-Za-z0-9_:.]+)|<\\?xml[^>]*?encoding\\s*=\\s*[\"']([-A-Za-z0-9_:.]+)");

    private final CyrillicCharsetDetector detector = new CyrillicCharsetDetector();

    /** Creates a decoder over the Cyrillic encodings this Java runtime supports. */
    public TextDecoder() {
        // the detector is set up above
    }

    /**
     * @param bytes the document's bytes
     * @param html whether HTML meta charset declarations are honoured
     * @param override the encoding configured for the document's folder, or {@code null}
     * @return the decoded text and how its encoding was chosen
     */
    public DecodedText decode(byte[] bytes, boolean html, Charset override) {
        DecodedText bom = decodeBom(bytes);
        if (bom != null) {
            return bom;
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return result(utf8, StandardCharsets.UTF_8, EncodingSource.UTF8);
        }
        if (override != null) {
            return result(new String(bytes, override), override, EncodingSource.OVERRIDE);
        }
        Charset utf16 = utf16Pattern(bytes);
        if (utf16 != null) {
            return result(new String(bytes, utf16), utf16, EncodingSource.UTF16_PATTERN);
        }
        if (html) {
            Charset declared = declaredCharset(bytes);
            if (declared != null && !isUnicode(declared) && !isWestern(declared)) {
                return result(new String(bytes, declared), declared, EncodingSource.HTML_META);
            }
        }
        Charset detected = detector.detect(bytes);
        if (detected.name().equals("KOI8-R") && CyrillicCharsetDetector.repairKoi8u(bytes)) {
            Charset koi8u = Charset.forName("KOI8-U");
            return result(new String(bytes, koi8u), koi8u, EncodingSource.KOI8U_REPAIR);
        }
        return result(new String(bytes, detected), detected, EncodingSource.DETECTED);
    }

    private static DecodedText result(String text, Charset cs, EncodingSource source) {
        return new DecodedText(TextNormalizer.forDisplay(text), cs, source);
    }

    private static DecodedText decodeBom(byte[] b) {
        if (BinarySniffer.startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return result(new String(b, 4, b.length - 4, UTF_32BE), UTF_32BE, EncodingSource.BOM);
        }
        if (BinarySniffer.startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return result(new String(b, 4, b.length - 4, UTF_32LE), UTF_32LE, EncodingSource.BOM);
        }
        if (BinarySniffer.startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return result(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    EncodingSource.BOM);
        }
        if (BinarySniffer.startsWith(b, 0xFE, 0xFF)) {
            return result(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE,
                    EncodingSource.BOM);
        }
        if (BinarySniffer.startsWith(b, 0xFF, 0xFE)) {
            return result(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE,
                    EncodingSource.BOM);
        }
        return null;
    }

    /**
     * @param bytes the bytes of a file
     * @return whether they start with a UTF-16 or UTF-32 byte order mark (such files contain NUL bytes but are text)
     */
    public static boolean hasWideBom(byte[] bytes) {
        return BinarySniffer.startsWith(bytes, 0xFE, 0xFF) || BinarySniffer.startsWith(bytes, 0xFF, 0xFE) || BinarySniffer.startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF);
    }

    private static String strictUtf8(byte[] bytes) {
        // the fast decoder replaces malformed input by U+FFFD; only then is the strict decoder needed to tell
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = dec.decode(ByteBuffer.wrap(bytes));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Recognises UTF-16 without a byte order mark: in Latin or Cyrillic text every second byte is 0x00 or 0x04.
     *
     * @param bytes the bytes of a file
     * @return UTF-16LE or UTF-16BE, or {@code null}
     */
    public static Charset utf16Pattern(byte[] bytes) {
        int n = Math.min(bytes.length, 8192) & ~1;
        if (n < 8) {
            return null;
        }
        int evenHigh = 0;
        int oddHigh = 0;
        for (int i = 0; i < n; i += 2) {
            int e = bytes[i] & 0xFF;
            int o = bytes[i + 1] & 0xFF;
            if (e == 0x00 || e == 0x04) {
                evenHigh++;
            }
            if (o == 0x00 || o == 0x04) {
                oddHigh++;
            }
        }
        int pairs = n / 2;
        Charset cs = null;
        if (oddHigh >= 0.7 * pairs && evenHigh <= 0.1 * pairs) {
            cs = StandardCharsets.UTF_16LE;
        } else if (evenHigh >= 0.7 * pairs && oddHigh <= 0.1 * pairs) {
            cs = StandardCharsets.UTF_16BE;
        }
        if (cs == null) {
            return null;
        }
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n));
            return cs;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * @param bytes the beginning of an HTML or XML document
     * @return the charset declared by its first {@code <meta charset>}, {@code <meta http-equiv>} or XML declaration,
     *         or {@code null} if none or unsupported
     */
    public static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isUnicode(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return n.startsWith("UTF-") || n.startsWith("UTF_");
    }

    /** Western charsets are often declared by mistake on Cyrillic pages; detection decides then. */
    private static boolean isWestern(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return n.equals("ISO-8859-1") || n.equals("WINDOWS-1252") || n.equals("US-ASCII");
    }
}

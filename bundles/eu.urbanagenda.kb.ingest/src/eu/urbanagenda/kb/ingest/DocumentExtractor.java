package eu.urbanagenda.kb.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import eu.urbanagenda.kb.analysis.text.TextNormalizer;
import eu.urbanagenda.kb.ingest.internal.BinarySniffer;
import eu.urbanagenda.kb.ingest.internal.DateSniffer;
import eu.urbanagenda.kb.ingest.internal.HtmlExtractor;
import eu.urbanagenda.kb.ingest.internal.PdfExtractor;

/**
 * Turns a file into an {@link ExtractedDocument}: recognises PDF (by its {@code %PDF-} header), HTML (by extension or
 * content) and plain text; decodes text with {@link TextDecoder}; extracts HTML with jsoup and PDF with PDFBox; detects
 * the language with {@link LanguageDetector}; finds a title and a date. Files that cannot be used (empty, too large,
 * binary, unreadable PDF, no text) raise a {@link SkippedFileException} naming the file and the reason. Instances are
 * thread-safe.
 */
public final class DocumentExtractor {

    /** The default size limit: 64 MiB. */
    public static final long DEFAULT_MAX_FILE_SIZE = 64L * 1024 * 1024;

    private static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml", "xht", "shtml");

    private final TextDecoder decoder = new TextDecoder();
    private final LanguageDetector languages = new LanguageDetector();

    /** Creates an extractor; it holds no state besides its decoder and detector and can be shared by threads. */
    public DocumentExtractor() {
        // nothing else to set up
    }

    /**
     * Reads and extracts a file with the default size limit and no encoding override.
     *
     * @param file a file
     * @return the extracted document
     * @throws SkippedFileException if the file cannot be used
     */
    public ExtractedDocument extract(Path file) throws SkippedFileException {
        return extract(file, DEFAULT_MAX_FILE_SIZE, null);
    }

    /**
     * Reads and extracts a file.
     *
     * @param file a file
     * @param maxFileSize larger files are skipped
     * @param encodingOverride the encoding to use unless the file has a BOM or is valid UTF-8, or {@code null}
     * @return the extracted document
     * @throws SkippedFileException if the file cannot be used
     */
    public ExtractedDocument extract(Path file, long maxFileSize, Charset encodingOverride)
            throws SkippedFileException {
        Path path = file.toAbsolutePath().normalize();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new SkippedFileException(path, readError(e), e);
        }
        if (!attrs.isRegularFile()) {
            throw new SkippedFileException(path, "not a regular file");
        }
        checkSize(path, attrs.size(), maxFileSize);
        byte[] content = read(path);
        return extract(path, content, attrs.lastModifiedTime().toMillis(), encodingOverride);
    }

    /**
     * Checks a file size against a limit.
     *
     * @param path the file
     * @param size its size
     * @param maxFileSize the limit
     * @throws SkippedFileException if the file is empty or over the limit
     */
    public static void checkSize(Path path, long size, long maxFileSize) throws SkippedFileException {
        if (size == 0) {
            throw new SkippedFileException(path, "empty file (0 bytes)");
        }
        if (size > maxFileSize) {
            throw new SkippedFileException(path, "file too large (" + megabytes(size) + " over the limit of "
                    + megabytes(maxFileSize) + ")");
        }
    }

    /**
     * Reads a whole file.
     *
     * @param path the file
     * @return its bytes
     * @throws SkippedFileException if it cannot be read
     */
    public static byte[] read(Path path) throws SkippedFileException {
        try {
            return Files.readAllBytes(path);
        } catch (IOException | OutOfMemoryError e) {
            throw new SkippedFileException(path, readError(e), e);
        }
    }

    private static String readError(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return "cannot read the file: " + e;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * Extracts a document from bytes already read.
     *
     * @param file the file the bytes come from (absolute)
     * @param content the bytes
     * @param lastModified the file's modification time in milliseconds
     * @param encodingOverride the encoding to use unless the file has a BOM or is valid UTF-8, or {@code null}
     * @return the extracted document
     * @throws SkippedFileException if the content cannot be used
     */
    public ExtractedDocument extract(Path file, byte[] content, long lastModified, Charset encodingOverride)
            throws SkippedFileException {
        Path path = file.toAbsolutePath().normalize();
        if (content.length == 0) {
            throw new SkippedFileException(path, "empty file (0 bytes)");
        }
        String sha256 = sha256(content);
        String ext = extension(path);
        if (isPdf(content)) {
            return pdf(path, content, lastModified, sha256);
        }
        if (ext.equals("pdf")) {
            throw new SkippedFileException(path, "damaged PDF (no %PDF- header)");
        }
        boolean wide = TextDecoder.hasWideBom(content) || TextDecoder.utf16Pattern(content) != null;
        if (!wide) {
            String kind = BinarySniffer.binaryKind(content);
            if (kind != null) {
                throw new SkippedFileException(path, "binary file (" + kind + ")");
            }
        }
        boolean html = HTML_EXTENSIONS.contains(ext) || (!ext.equals("txt") && looksLikeHtml(content));
        DecodedText decoded = decoder.decode(content, html, encodingOverride);
        if (decoded.text().indexOf('\uFFFD') >= 0 && replacementShare(decoded.text()) > 0.05) {
            throw new SkippedFileException(path, "not text in a known encoding (" + decoded.charset().name()
                    + " gives undecodable bytes)");
        }
        if (html) {
            HtmlExtractor.Result r = HtmlExtractor.extract(decoded.text());
            if (r.text().isBlank()) {
                throw new SkippedFileException(path, "HTML page has no text (broken markup, e.g. an unclosed "
                        + "comment or script, or an empty page)");
            }
            String text = TextNormalizer.forDisplay(r.text());
            Language lang = languages.detect(r.title() + "\n" + text, r.lang());
            LocalDate date = r.date() != null ? r.date() : DateSniffer.findIn(text);
            return new ExtractedDocument(path, DocumentFormat.HTML, decoded.charset().name(), decoded.source(), lang,
                    TextNormalizer.forDisplay(r.title()), r.description(), date, content.length, lastModified, sha256,
                    text);
        }
        String text = decoded.text();
        if (text.isBlank()) {
            throw new SkippedFileException(path, "no text (only white space)");
        }
        return new ExtractedDocument(path, DocumentFormat.TEXT, decoded.charset().name(), decoded.source(),
                languages.detect(text), titleOf(text), null, DateSniffer.findIn(text), content.length, lastModified,
                sha256, text);
    }

    private ExtractedDocument pdf(Path path, byte[] content, long lastModified, String sha256)
            throws SkippedFileException {
        PdfExtractor.Result r;
        try {
            r = PdfExtractor.extract(content);
        } catch (PdfExtractor.Unusable e) {
            throw new SkippedFileException(path, e.getMessage(), e.getCause());
        }
        String text = TextNormalizer.forDisplay(r.text()).strip();
        String title = r.title().isEmpty() ? titleOf(text) : TextNormalizer.forDisplay(r.title());
        LocalDate date = r.date() != null ? r.date() : DateSniffer.findIn(text);
        return new ExtractedDocument(path, DocumentFormat.PDF, null, EncodingSource.NONE,
                languages.detect(title + "\n" + text), title, r.description(), date, content.length, lastModified,
                sha256, text);
    }

    /**
     * @param bytes file content
     * @return the lower-case hex SHA-256 of the bytes
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /**
     * The title of a plain text: its first non-empty line without Markdown heading marks, shortened to 200
     * characters at a word boundary.
     *
     * @param text a text
     * @return its title, maybe empty
     */
    public static String titleOf(String text) {
        for (String line : text.split("\n", 50)) {
            String t = line.strip();
            while (t.startsWith("#")) {
                t = t.substring(1).strip();
            }
            if (!t.isEmpty()) {
                if (t.length() <= 200) {
                    return t;
                }
                int cut = t.lastIndexOf(' ', 120);
                return t.substring(0, cut > 40 ? cut : 120) + "…";
            }
        }
        return "";
    }

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isPdf(byte[] b) {
        int n = Math.min(b.length - 5, 1024);
        for (int i = 0; i <= n; i++) {
            if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F' && b[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeHtml(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("\u00ef\u00bb\u00bf")) {
            head = head.substring(3).stripLeading();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")
                && head.contains("<html");
    }

    private static double replacementShare(String text) {
        long n = text.chars().filter(c -> c == '\uFFFD').count();
        return (double) n / Math.max(1, text.length());
    }
}

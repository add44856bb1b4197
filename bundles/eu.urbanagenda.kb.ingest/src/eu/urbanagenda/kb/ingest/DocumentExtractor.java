package eu.urbanagenda.kb.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import eu.urbanagenda.kb.analysis.text.TextNormalizer;
import eu.urbanagenda.kb.ingest.internal.ArchiveReader;
import eu.urbanagenda.kb.ingest.internal.BinarySniffer;
import eu.urbanagenda.kb.ingest.internal.DateSniffer;
import eu.urbanagenda.kb.ingest.internal.Deadline;
import eu.urbanagenda.kb.ingest.internal.HtmlExtractor;
import eu.urbanagenda.kb.ingest.internal.ImageReader;
import eu.urbanagenda.kb.ingest.internal.OcrReader;
import eu.urbanagenda.kb.ingest.internal.OfficeExtractor;
import eu.urbanagenda.kb.ingest.internal.PdfExtractor;
import eu.urbanagenda.kb.ingest.internal.Tesseract;

/**
 * Turns a file into {@link ExtractedDocument}s. The format is taken from the file name where it names one, else from
 * the content (so a {@code .txt} that quotes {@code %PDF-} stays text): plain text and HTML (decoded with
 * {@link TextDecoder}, HTML extracted with jsoup), PDF (PDFBox), office documents, e-books and e-mail (Apache Tika:
 * Word, OpenDocument, RTF, EPUB, Excel, PowerPoint, .eml, .msg), images and scanned PDF pages (OCR by Tesseract, see
 * {@link ExtractionSettings}), and ZIP archives, whose members become documents named {@code archive.zip!/member}.
 * The text of every format is normalised the same way, its language detected with {@link LanguageDetector} (the
 * document's declared language as a hint), its title and dates taken from the document's metadata where it has them.
 * <p>
 * Files that cannot be used (empty, too large, binary, damaged, encrypted, hostile, no text, needing an OCR language
 * that is not installed) raise a {@link SkippedFileException} naming the file and the reason. Reading one document has
 * a time limit, its text a length limit, archives limits of size, count and depth. Instances are thread-safe.
 */
public final class DocumentExtractor {

    /** The default size limit: 64 MiB. */
    public static final long DEFAULT_MAX_FILE_SIZE = 64L * 1024 * 1024;

    private static final Set<String> HTML_EXTENSIONS = Set.of("html", "htm", "xhtml", "xht", "shtml");
    /** Names that say "text": their content is never taken for another format. */
    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "md", "markdown", "csv", "tsv", "log",
            "json", "xml", "ini", "cfg", "srt", "tex");
    private static final Map<String, DocumentFormat> OFFICE_EXTENSIONS = Map.ofEntries(
            Map.entry("docx", DocumentFormat.DOCX), Map.entry("docm", DocumentFormat.DOCX),
            Map.entry("doc", DocumentFormat.DOC), Map.entry("dot", DocumentFormat.DOC),
            Map.entry("odt", DocumentFormat.ODT), Map.entry("ods", DocumentFormat.ODS),
            Map.entry("odp", DocumentFormat.ODP), Map.entry("rtf", DocumentFormat.RTF),
            Map.entry("epub", DocumentFormat.EPUB), Map.entry("xlsx", DocumentFormat.XLSX),
            Map.entry("xlsm", DocumentFormat.XLSX), Map.entry("xls", DocumentFormat.XLS),
            Map.entry("pptx", DocumentFormat.PPTX), Map.entry("pptm", DocumentFormat.PPTX),
            Map.entry("ppt", DocumentFormat.PPT), Map.entry("eml", DocumentFormat.EML),
            Map.entry("msg", DocumentFormat.MSG));
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff");

    /**
     * What one file needs besides the run's settings.
     *
     * @param encoding the encoding of a text without BOM that is not valid UTF-8, or {@code null}
     * @param ocrLanguages the Tesseract languages of its folder, or {@code null} for the automatic choice
     * @param progress told about slow steps (OCR pages), e.g. "OCR page 2 of 5"
     */
    public record FileOptions(Charset encoding, List<String> ocrLanguages, Consumer<String> progress) {
        /** No override, automatic OCR languages, no progress. */
        public static final FileOptions NONE = new FileOptions(null, null, s -> {
        });
    }

    private final ExtractionSettings settings;
    private final TextDecoder decoder = new TextDecoder();
    private final LanguageDetector languages = new LanguageDetector();
    private final Tesseract tesseract;
    private final OcrReader ocr;

    /** Creates an extractor with the default settings (no OCR cache). */
    public DocumentExtractor() {
        this(ExtractionSettings.DEFAULT);
    }

    /**
     * @param settings limits, OCR cache and cancellation of this run
     */
    public DocumentExtractor(ExtractionSettings settings) {
        this.settings = settings;
        this.tesseract = new Tesseract(settings.tesseract());
        this.ocr = new OcrReader(tesseract, settings.ocrCache(), languages, settings.ocrPageTimeLimit(),
                settings.cancelled());
        LibraryLogging.ensureConfigured();
    }

    /** @return the settings of this extractor */
    public ExtractionSettings settings() {
        return settings;
    }

    /**
     * Reads and extracts a file with the default size limit and no encoding override.
     *
     * @param file a file
     * @return the extracted document
     * @throws SkippedFileException if the file cannot be used
     */
    public ExtractedDocument extract(Path file) throws SkippedFileException {
        return extract(file, settings.maxFileSize(), null);
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
        return e instanceof IOException io ? "cannot read the file: " + IoProblems.describe(io) : "cannot read the file: " + e;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * Extracts a file that is one document (not an archive) from bytes already read.
     *
     * @param file the file the bytes come from (absolute)
     * @param content the bytes
     * @param lastModified the file's modification time in milliseconds
     * @param encodingOverride the encoding to use unless the file has a BOM or is valid UTF-8, or {@code null}
     * @return the extracted document
     * @throws SkippedFileException if the content cannot be used, or is an archive
     */
    public ExtractedDocument extract(Path file, byte[] content, long lastModified, Charset encodingOverride)
            throws SkippedFileException {
        try {
            Extraction all = extractAll(file, content, lastModified,
                    new FileOptions(encodingOverride, null, FileOptions.NONE.progress()));
            if (all.documents().size() != 1 || !all.skipped().isEmpty()) {
                throw new SkippedFileException(file, "an archive of " + all.documents().size()
                        + " documents, not one document");
            }
            return all.documents().get(0);
        } catch (ExtractionCancelledException e) {
            throw new SkippedFileException(file, "cancelled", e);
        }
    }

    /**
     * Extracts the documents of a file from bytes already read: one, or for an archive one per readable member.
     *
     * @param file the file the bytes come from (absolute)
     * @param content the bytes
     * @param lastModified the file's modification time in milliseconds
     * @param options the encoding override, OCR languages and progress of this file
     * @return the documents, and the members of an archive that were skipped
     * @throws SkippedFileException if the file cannot be used (for an archive: has no usable member)
     * @throws ExtractionCancelledException if the run was cancelled while the file was read by OCR
     */
    public Extraction extractAll(Path file, byte[] content, long lastModified, FileOptions options)
            throws SkippedFileException, ExtractionCancelledException {
        Path path = file.toAbsolutePath().normalize();
        List<ExtractedDocument> documents = new ArrayList<>();
        List<SkippedFileException> skipped = new ArrayList<>();
        extractInto(path, content, lastModified, options, 0, documents, skipped);
        if (documents.isEmpty()) {
            if (skipped.size() == 1 && skipped.get(0).file().equals(path)) {
                throw skipped.get(0);
            }
            boolean retry = skipped.stream().anyMatch(SkippedFileException::retry);
            throw new SkippedFileException(path, "archive has no readable documents (" + skipped.size()
                    + (skipped.size() == 1 ? " file" : " files") + " in it skipped"
                    + (skipped.isEmpty() ? "" : ", e.g. " + skipped.get(0).reason()) + ")", null, retry);
        }
        return new Extraction(List.copyOf(documents), List.copyOf(skipped));
    }

    private void extractInto(Path path, byte[] content, long lastModified, FileOptions options, int depth,
            List<ExtractedDocument> documents, List<SkippedFileException> skipped)
            throws ExtractionCancelledException {
        try {
            if (content.length == 0) {
                throw new SkippedFileException(path, "empty file (0 bytes)");
            }
            String ext = extension(path);
            if (ext.equals("zip") || !named(ext) && isZip(content) && zipKind(content) == null) {
                archive(path, content, lastModified, options, depth, documents, skipped);
                return;
            }
            documents.add(one(path, ext, content, lastModified, options));
        } catch (SkippedFileException e) {
            skipped.add(e);
        }
    }

    private void archive(Path path, byte[] content, long lastModified, FileOptions options, int depth,
            List<ExtractedDocument> documents, List<SkippedFileException> skipped)
            throws SkippedFileException, ExtractionCancelledException {
        if (depth >= settings.maxArchiveDepth()) {
            throw new SkippedFileException(path, "archive nested more than " + settings.maxArchiveDepth()
                    + " levels deep");
        }
        try {
            ArchiveReader.read(content, settings.maxFileSize(), settings.maxArchiveMembers(),
                    settings.maxArchiveRatio(), new ArchiveReader.Visitor() {
                        @Override
                        public void member(String name, byte[] bytes) throws ExtractionCancelledException {
                            extractInto(Path.of(path + "!/" + name), bytes, lastModified, options, depth + 1,
                                    documents, skipped);
                        }

                        @Override
                        public void skipped(String name, String reason) {
                            skipped.add(new SkippedFileException(Path.of(path + "!/" + name), reason));
                        }
                    });
        } catch (ExtractionCancelledException | SkippedFileException e) {
            throw e;
        } catch (Deadline.Expired e) {
            throw new SkippedFileException(path, "reading took too long");
        } catch (Exception e) {
            documents.removeIf(d -> d.path().startsWith(path.toString() + "!/"));
            throw new SkippedFileException(path, e.getMessage(), e);
        }
    }

    /** One document: text, HTML, PDF, office, image. */
    private ExtractedDocument one(Path path, String ext, byte[] content, long lastModified, FileOptions options)
            throws SkippedFileException, ExtractionCancelledException {
        String sha256 = sha256(content);
        DocumentFormat office = OFFICE_EXTENSIONS.get(ext);
        if (!named(ext)) {
            // the name says nothing: the content decides
            if (isPdf(content)) {
                ext = "pdf";
            } else if (isZip(content) || OfficeContainer.isOle2(content) || OfficeContainer.isRtf(content)) {
                office = isZip(content) ? zipKind(content) : OfficeContainer.isRtf(content) ? DocumentFormat.RTF
                        : DocumentFormat.DOC;
            } else if (imageExtension(content) != null) {
                ext = imageExtension(content);
            }
        }
        if (office != null) {
            return office(path, office, content, lastModified, sha256);
        }
        if (ext.equals("pdf")) {
            if (!isPdf(content)) {
                throw new SkippedFileException(path, "damaged PDF (no %PDF- header)");
            }
            return pdf(path, content, lastModified, sha256, options);
        }
        if (IMAGE_EXTENSIONS.contains(ext)) {
            return image(path, ext, content, lastModified, sha256, options);
        }
        return text(path, ext, content, lastModified, sha256, options.encoding());
    }

    private ExtractedDocument text(Path path, String ext, byte[] content, long lastModified, String sha256,
            Charset encodingOverride) throws SkippedFileException, ExtractionCancelledException {
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
            HtmlExtractor.Result r = guarded(path, () -> HtmlExtractor.extract(decoded.text()));
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

    private ExtractedDocument office(Path path, DocumentFormat named, byte[] content, long lastModified,
            String sha256) throws SkippedFileException, ExtractionCancelledException {
        loadOfficeParsers(path);
        OfficeExtractor.Result r = guarded(path, () -> {
            try {
                return OfficeExtractor.extract(content, named, settings.maxTextChars());
            } catch (OfficeExtractor.Unreadable e) {
                throw new SkippedFileException(path, e.getMessage(), e.getCause());
            }
        });
        String text = tidy(r.text());
        if (text.isBlank()) {
            throw new SkippedFileException(path, "no text (" + r.format().id().toUpperCase(Locale.ROOT)
                    + " document without words)");
        }
        String title = r.title() == null ? titleOf(text) : TextNormalizer.forDisplay(r.title());
        LocalDate date = publication(r.created(), text);
        return new ExtractedDocument(path, r.format(), null, EncodingSource.NONE,
                languages.detect(title + "\n" + text, r.language()), title, r.description(), date, content.length,
                lastModified, sha256, text, r.author(), r.created(), r.modified(), null);
    }

    private ExtractedDocument pdf(Path path, byte[] content, long lastModified, String sha256, FileOptions options)
            throws SkippedFileException, ExtractionCancelledException {
        PdfExtractor.Result r = guarded(path, () -> {
            try {
                return PdfExtractor.extract(content,
                        pages -> ocr.read(sha256, pages, options.ocrLanguages(), progress(path, options)));
            } catch (PdfExtractor.Unusable e) {
                throw new SkippedFileException(path, e.getMessage(), e.getCause());
            } catch (Tesseract.Unavailable e) {
                throw new SkippedFileException(path, e.getMessage(), null, true);
            } catch (Tesseract.Cancelled e) {
                throw new ExtractionCancelledException(path.toString());
            }
        });
        String text = tidy(r.text());
        String title = r.title().isEmpty() ? titleOf(text) : TextNormalizer.forDisplay(r.title());
        LocalDate date = r.date() != null ? r.date() : DateSniffer.findIn(text);
        return new ExtractedDocument(path, DocumentFormat.PDF, null, EncodingSource.NONE,
                languages.detect(title + "\n" + text), title, r.description(), date, content.length, lastModified,
                sha256, text, r.author(), r.created(), r.modified(), r.ocrConfidence());
    }

    private ExtractedDocument image(Path path, String ext, byte[] content, long lastModified, String sha256,
            FileOptions options) throws SkippedFileException, ExtractionCancelledException {
        try {
            ImageReader.header(content);
        } catch (IOException e) {
            throw new SkippedFileException(path, e.getMessage(), e);
        }
        OcrReader.Result r;
        try (ImageReader.TempImage image = ImageReader.page(content, ext)) {
            r = ocr.read(sha256, image, options.ocrLanguages(), progress(path, options));
        } catch (Tesseract.Unavailable e) {
            throw new SkippedFileException(path, "image needs OCR, but " + e.getMessage(), null, true);
        } catch (Tesseract.Cancelled e) {
            throw new ExtractionCancelledException(path.toString());
        } catch (IOException e) {
            throw new SkippedFileException(path, e.getMessage(), e);
        }
        String text = tidy(String.join("\n\n", r.pages()));
        if (text.isBlank()) {
            throw new SkippedFileException(path, "no text found by OCR in the image");
        }
        String title = titleOf(text);
        return new ExtractedDocument(path, DocumentFormat.IMAGE, null, EncodingSource.NONE,
                languages.detect(text), title, null, DateSniffer.findIn(text), content.length, lastModified, sha256,
                text, null, null, null, r.confidence());
    }

    private static volatile boolean officeParsersLoaded;

    /**
     * Loads Tika's and POI's classes on one thread at a time, outside any time limit: their logging (log4j-api) sets
     * itself up under a lock while other classes initialise, and two threads doing it at once deadlock; a time limit
     * interrupting it would leave the classes unusable for the rest of the run.
     */
    private static void loadOfficeParsers(Path path) throws SkippedFileException {
        if (!officeParsersLoaded) {
            synchronized (DocumentExtractor.class) {
                if (!officeParsersLoaded) {
                    try {
                        Class.forName(OfficeExtractor.class.getName(), true, DocumentExtractor.class.getClassLoader());
                    } catch (ClassNotFoundException | LinkageError e) {
                        throw new SkippedFileException(path, "the office document reader cannot run: " + e, e);
                    }
                    officeParsersLoaded = true;
                }
            }
        }
    }

    private static OcrReader.Progress progress(Path path, FileOptions options) {
        return (page, pages) -> options.progress().accept("OCR page " + page + " of " + pages + ": " + path);
    }

    /** A step that may hang, within the time limit. */
    private interface Step<T> {
        T run() throws SkippedFileException, ExtractionCancelledException;
    }

    private <T> T guarded(Path path, Step<T> step) throws SkippedFileException, ExtractionCancelledException {
        try {
            return Deadline.run(settings.timeLimit(), step::run);
        } catch (SkippedFileException | ExtractionCancelledException e) {
            throw e;
        } catch (Deadline.TimedOut e) {
            throw new SkippedFileException(path, "reading " + e.getMessage() + " (a damaged or hostile file?)", e);
        } catch (OutOfMemoryError e) {
            throw new SkippedFileException(path, "too large to read in the memory available", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionCancelledException(path.toString());
        } catch (Exception | StackOverflowError | LinkageError e) {
            throw new SkippedFileException(path, "cannot be read: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** Normalised text with at most one empty line in a row and no trailing spaces. */
    private static String tidy(String raw) {
        String text = TextNormalizer.forDisplay(raw);
        return text.replaceAll("[ \t\u00A0]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static LocalDate publication(Instant created, String text) {
        if (created != null) {
            LocalDate d = created.atZone(ZoneOffset.UTC).toLocalDate();
            if (d.getYear() >= 1990 && d.getYear() <= LocalDate.now().getYear() + 1) {
                return d;
            }
        }
        return DateSniffer.findIn(text);
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

    /** Whether a file's extension names its format, so that its content is not asked. */
    private static boolean named(String ext) {
        return OFFICE_EXTENSIONS.containsKey(ext) || ext.equals("pdf") || ext.equals("zip")
                || IMAGE_EXTENSIONS.contains(ext) || HTML_EXTENSIONS.contains(ext) || TEXT_EXTENSIONS.contains(ext);
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** The office format of a ZIP file by its entries (OOXML, OpenDocument, EPUB), or {@code null} for an archive. */
    private static DocumentFormat zipKind(byte[] b) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(b))) {
            int n = 0;
            for (ZipEntry e = in.getNextEntry(); e != null && n < 50; e = in.getNextEntry(), n++) {
                String name = e.getName();
                if (name.equals("[Content_Types].xml")) {
                    return DocumentFormat.DOCX; // Tika tells Word, Excel and PowerPoint apart
                }
                if (name.equals("mimetype")) {
                    String type = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
                    return switch (type) {
                        case "application/vnd.oasis.opendocument.text" -> DocumentFormat.ODT;
                        case "application/vnd.oasis.opendocument.spreadsheet" -> DocumentFormat.ODS;
                        case "application/vnd.oasis.opendocument.presentation" -> DocumentFormat.ODP;
                        case "application/epub+zip" -> DocumentFormat.EPUB;
                        default -> null;
                    };
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static String imageExtension(byte[] b) {
        if (b.length > 8 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length > 8 && (b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0
                || b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42)) {
            return "tif";
        }
        return null;
    }

    /** The containers of legacy office files. */
    private static final class OfficeContainer {
        static boolean isOle2(byte[] b) {
            return b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                    && (b[3] & 0xFF) == 0xE0;
        }

        static boolean isRtf(byte[] b) {
            return b.length >= 5 && b[0] == '{' && b[1] == '\\' && b[2] == 'r' && b[3] == 't' && b[4] == 'f';
        }
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

package eu.urbanagenda.kb.ingest.internal;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Extracts the text and metadata of a PDF with Apache PDFBox. Pages without text but with images (scans) are rendered
 * and read by OCR. Text that is mostly garbage is refused: PDFs whose fonts have no Unicode mapping give private-use
 * characters, replacement characters, control characters or Latin-1 mojibake of Cyrillic ("Öèôðîâà")
 * instead of words.
 */
public final class PdfExtractor {

    /** Pages are rendered for OCR at this resolution, less for very large pages. */
    static final int OCR_DPI = 300;
    /** The most pixels a page is rendered with (a very large page gets a lower resolution). */
    static final long MAX_PAGE_PIXELS = 40_000_000L;

    /**
     * The fields of an extracted PDF.
     *
     * @param title the document information title, maybe empty
     * @param description the document information subject, or {@code null}
     * @param author the document information author, or {@code null}
     * @param created the creation time, or {@code null}
     * @param modified the modification time, or {@code null}
     * @param date the creation date as publication date, or {@code null}
     * @param text the text of all pages
     * @param ocrConfidence the mean OCR confidence when pages were read by OCR, else {@code null}
     */
    public record Result(String title, String description, String author, Instant created, Instant modified,
            LocalDate date, String text, Double ocrConfidence) {
    }

    /** Reads rendered pages by OCR (bound to the file's checksum and language setting by the caller). */
    public interface Ocr {
        /**
         * @param pages the page images
         * @return their text
         * @throws Tesseract.Unavailable if OCR cannot run
         * @throws Tesseract.Cancelled if cancelled
         * @throws IOException if OCR fails
         */
        OcrReader.Result read(OcrReader.PageImages pages)
                throws Tesseract.Unavailable, Tesseract.Cancelled, IOException;
    }

    /** A PDF that cannot be used, with the reason. */
    public static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private PdfExtractor() {
    }

    /**
     * @param bytes the PDF file
     * @param ocr reads pages without a text layer
     * @return its fields
     * @throws Unusable if it cannot be read or its text is unusable; the message is the reason
     * @throws Tesseract.Unavailable if pages need OCR and it cannot run; the message says what to install
     * @throws Tesseract.Cancelled if OCR was cancelled
     */
    public static Result extract(byte[] bytes, Ocr ocr) throws Unusable, Tesseract.Unavailable, Tesseract.Cancelled {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PageStripper stripper = new PageStripper();
            List<String> pages = stripper.pages(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            String title = info.getTitle() == null ? "" : info.getTitle().strip();
            String subject = blankToNull(info.getSubject());
            Instant created = instant(info.getCreationDate());
            Instant modified = instant(info.getModificationDate());
            LocalDate date = created == null ? null : created.atZone(ZoneOffset.UTC).toLocalDate();
            if (date != null && date.getYear() < 1990) {
                date = null;
            }
            String all = String.join("\n", pages);
            String garbage = all.isBlank() ? null : garbageReason(all);
            if (garbage != null) {
                throw new Unusable("PDF text is unreadable (" + garbage
                        + "; its fonts probably lack Unicode mappings)", null);
            }
            List<Integer> scanned = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                if (letters(pages.get(i)) < 10 && hasImages(doc.getPage(i))) {
                    scanned.add(i);
                }
            }
            if (scanned.isEmpty()) {
                if (all.isBlank()) {
                    throw new Unusable("PDF has no text (no text layer and no images)", null);
                }
                return new Result(title, subject, blankToNull(info.getAuthor()), created, modified, date, all, null);
            }
            OcrReader.Result read;
            try (RenderedPages images = new RenderedPages(doc, scanned)) {
                read = ocr.read(images);
            } catch (Tesseract.Unavailable e) {
                String why = scanned.size() == pages.size() ? "PDF has no text layer (a scan) and needs OCR"
                                : "PDF has " + scanned.size() + " of its " + pages.size()
                                        + " pages without a text layer and needs OCR";
                throw new Tesseract.Unavailable(why + ", but " + e.getMessage());
            }
            for (int k = 0; k < scanned.size(); k++) {
                int i = scanned.get(k);
                pages.set(i, pages.get(i).isBlank() ? read.pages().get(k)
                        : pages.get(i).strip() + "\n" + read.pages().get(k));
            }
            String text = String.join("\n", pages);
            if (text.isBlank()) {
                throw new Unusable("PDF has no text (OCR found none on its scanned pages)", null);
            }
            return new Result(title, subject, blankToNull(info.getAuthor()), created, modified, date, text,
                    read.confidence());
        } catch (InvalidPasswordException e) {
            throw new Unusable("PDF is encrypted with a password", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Deadline.Expired expired) {
                throw expired;
            }
            throw new Unusable("PDF cannot be read: " + e.getMessage(), e);
        }
    }

    private static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && n < 10; i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean hasImages(PDPage page) {
        PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            try {
                if (resources.isImageXObject(name) || resources.getXObject(name) != null) {
                    return true;
                }
            } catch (IOException e) {
                // a broken image: nothing to read either
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(Calendar c) {
        return c == null ? null : c.toInstant();
    }

    /** The text of each page, in order. */
    private static final class PageStripper extends PDFTextStripper {
        private final List<String> pages = new ArrayList<>();
        private StringWriter out;
        private int pageStart;

        PageStripper() throws IOException {
            setSortByPosition(false);
            setLineSeparator("\n");
            setParagraphEnd("\n");
        }

        List<String> pages(PDDocument doc) throws IOException {
            out = new StringWriter();
            writeText(doc, out);
            return pages;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            super.startPage(page);
            pageStart = out.getBuffer().length();
        }

        @Override
        protected void endPage(PDPage page) throws IOException {
            super.endPage(page);
            pages.add(out.getBuffer().substring(pageStart));
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            Deadline.check();
            super.writeString(text, positions);
        }
    }

    /** Pages rendered in grey to PGM files for Tesseract, one at a time, deleted when closed. */
    private static final class RenderedPages implements OcrReader.PageImages, AutoCloseable {
        private final PDDocument doc;
        private final List<Integer> pages;
        private final PDFRenderer renderer;
        private Path file;

        RenderedPages(PDDocument doc, List<Integer> pages) {
            this.doc = doc;
            this.pages = pages;
            this.renderer = new PDFRenderer(doc);
            renderer.setSubsamplingAllowed(true); // a huge image is read at the resolution needed, not in full
        }

        @Override
        public int count() {
            return pages.size();
        }

        @Override
        public int dpi() {
            return OCR_DPI;
        }

        @Override
        public Path image(int page) throws IOException {
            close();
            int index = pages.get(page);
            PDRectangle box = doc.getPage(index).getCropBox();
            double inches = Math.max(1, box.getWidth() / 72.0) * Math.max(1, box.getHeight() / 72.0);
            float dpi = (float) Math.min(OCR_DPI, Math.sqrt(MAX_PAGE_PIXELS / inches));
            BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
            file = Files.createTempFile("kb-page", ".pgm");
            writePgm(image, file);
            return file;
        }

        @Override
        public void close() throws IOException {
            if (file != null) {
                Files.deleteIfExists(file);
                file = null;
            }
        }
    }

    /** Writes a grey image as binary PGM, which Tesseract reads and which needs no encoding. */
    static void writePgm(BufferedImage image, Path file) throws IOException {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] row = new byte[w];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            var raster = image.getRaster();
            int[] px = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, px);
                for (int x = 0; x < w; x++) {
                    row[x] = (byte) px[x];
                }
                out.write(row);
            }
        }
    }

    /**
     * @param text extracted text
     * @return why the text looks like garbage, or {@code null} if it looks like language
     */
    public static String garbageReason(String text) {
        int visible = 0;
        int letters = 0;
        int junk = 0;
        int latin1Letters = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            visible++;
            if (c == '\uFFFD' || Character.getType(c) == Character.PRIVATE_USE || Character.isISOControl(c)
                    || Character.getType(c) == Character.UNASSIGNED || Character.isSurrogate(c)) {
                junk++;
            } else if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letters++;
                if (c >= '\u00C0' && c <= '\u00FF') {
                    latin1Letters++;
                }
            }
        }
        if (visible == 0) {
            return "no visible characters";
        }
        if (junk > 0.1 * visible) {
            return percent(junk, visible) + " of the characters are unmapped glyphs or control characters";
        }
        if (letters + digits < 0.4 * visible) {
            return "only " + percent(letters + digits, visible) + " of the characters are letters or digits";
        }
        if (latin1Letters > 0.3 * letters) {
            return percent(latin1Letters, letters) + " of the letters are accented Latin letters, typical of "
                    + "Cyrillic text in a legacy font encoding";
        }
        return null;
    }

    private static String percent(int part, int whole) {
        return Math.round(100.0 * part / whole) + " %";
    }
}

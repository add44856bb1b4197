package eu.urbanagenda.kb.ingest.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Extracts the text and metadata of a PDF with Apache PDFBox, and refuses text that is mostly garbage: PDFs whose fonts
 * have no Unicode mapping give private-use characters, replacement characters, control characters or Latin-1
 * mojibake of Cyrillic ("Öèôðîâà") instead of words.
 */
public final class PdfExtractor {

    /**
     * The fields of an extracted PDF.
     *
     * @param title the document information title, maybe empty
     * @param description the document information subject, or {@code null}
     * @param date the creation date, or {@code null}
     * @param text the text of all pages
     */
    public record Result(String title, String description, LocalDate date, String text) {
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
     * @return its fields
     * @throws Unusable if it cannot be read or its text is unusable; the message is the reason
     */
    public static Result extract(byte[] bytes) throws Unusable {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false);
            stripper.setLineSeparator("\n");
            stripper.setParagraphEnd("\n");
            String text = stripper.getText(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            String title = info.getTitle() == null ? "" : info.getTitle().strip();
            String subject = info.getSubject() == null || info.getSubject().isBlank() ? null : info.getSubject().strip();
            LocalDate date = toDate(info.getCreationDate());
            if (text.isBlank()) {
                throw new Unusable("PDF has no text layer (scanned pages or images only)", null);
            }
            String garbage = garbageReason(text);
            if (garbage != null) {
                throw new Unusable("PDF text is unreadable (" + garbage
                        + "; its fonts probably lack Unicode mappings)", null);
            }
            return new Result(title, subject, date, text);
        } catch (InvalidPasswordException e) {
            throw new Unusable("PDF is encrypted with a password", e);
        } catch (IOException | RuntimeException e) {
            throw new Unusable("PDF cannot be read: " + e.getMessage(), e);
        }
    }

    private static LocalDate toDate(Calendar c) {
        if (c == null) {
            return null;
        }
        LocalDate d = c.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        return d.getYear() < 1990 ? null : d;
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

package eu.urbanagenda.kb.ingest.tests;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs made with PDFBox, for the tests of reading them and of searching them. */
public final class TestPdfs {

    private TestPdfs() {
    }

    /**
     * Writes a one-page PDF whose text layer has these lines (none: a page without text).
     *
     * @param unicodeFont whether the text is in the Unicode font PDFBox ships (Liberation Sans, with Cyrillic),
     *            embedded; else in Helvetica, which has no Cyrillic
     * @param title the title in the document information, or {@code null} for none
     * @param created the creation date in the document information, or {@code null} for none
     */
    public static void write(Path file, List<String> lines, boolean unicodeFont, String title, Calendar created)
            throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDFont font;
            if (unicodeFont) {
                try (InputStream ttf = PDDocument.class
                        .getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                    font = PDType0Font.load(doc, ttf);
                }
            } else {
                font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            }
            if (!lines.isEmpty()) {
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(50, 700);
                    for (String line : lines) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -16);
                    }
                    cs.endText();
                }
            }
            if (title != null || created != null) {
                PDDocumentInformation info = doc.getDocumentInformation();
                if (title != null) {
                    info.setTitle(title);
                }
                if (created != null) {
                    info.setCreationDate(created);
                }
            }
            doc.save(file.toFile());
        }
    }
}

package eu.urbanagenda.kb.ingest.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.urbanagenda.kb.ingest.DocumentExtractor;
import eu.urbanagenda.kb.ingest.ExtractedDocument;
import eu.urbanagenda.kb.ingest.Language;

/**
 * Word, OpenDocument, RTF, EPUB and PDF files of ../shared/formats, made by LibreOffice from corpus texts, read in
 * place: the text matches the source word for word, the format, language and the document's own metadata are found.
 */
class FormatsTest {

    private static final String UK = "uk_brown_A_Novyi_den_Savchenko_I_lokhotron_buvaie_hrandioznym_2017";
    private static final String BG = "bg_bsnlp_brexit_bg_file_1022";

    private final DocumentExtractor extractor = new DocumentExtractor();

    @ParameterizedTest
    @CsvSource({ "docx," + UK, "docx," + BG, "odt," + UK, "odt," + BG, "doc," + UK, "doc," + BG, "rtf," + UK,
            "rtf," + BG, "epub," + UK, "epub," + BG, "pdf," + UK, "pdf," + BG })
    void officeDocumentsGiveTheirSourceText(String format, String name) throws Exception {
        Path file = SharedFormats.file(format, name);
        ExtractedDocument d = extractor.extract(file);
        assertEquals(format, d.format().id(), file.toString());
        assertEquals(name.startsWith("uk") ? Language.UK : Language.BG, d.language(), file.toString());
        double f1 = SharedFormats.f1(d.text(), SharedFormats.source(name));
        assertTrue(f1 >= 0.97, file + ": word F1 " + f1 + "\n" + d.text().substring(0, Math.min(500, d.text().length())));
        assertTrue(!d.title().isBlank(), "a title");
        assertEquals(null, d.ocrConfidence(), "no OCR");
    }
}

package eu.urbanagenda.kb.ui.search.internal;

import java.nio.file.Path;

import org.eclipse.osgi.util.NLS;

import eu.urbanagenda.kb.ingest.DocumentFormat;

/**
 * How the Search view and the document viewer name a file's format (in the workbench's language) and where a file is:
 * a member of an archive is {@code archive.zip!/member}, shown as the member in that archive.
 */
public final class DocumentLabels {

    /** What separates an archive from the path of a member in it. */
    private static final String MEMBER = "!/";

    private DocumentLabels() {
    }

    /** The name of a format ("Word document (.docx)"). */
    public static String format(DocumentFormat format) {
        if (format == null) {
            return Messages.Format_unknown;
        }
        return switch (format) {
        case TEXT -> Messages.Format_text;
        case HTML -> Messages.Format_html;
        case PDF -> Messages.Format_pdf;
        case DOCX -> Messages.Format_docx;
        case DOC -> Messages.Format_doc;
        case ODT -> Messages.Format_odt;
        case ODS -> Messages.Format_ods;
        case ODP -> Messages.Format_odp;
        case RTF -> Messages.Format_rtf;
        case EPUB -> Messages.Format_epub;
        case XLSX -> Messages.Format_xlsx;
        case XLS -> Messages.Format_xls;
        case PPTX -> Messages.Format_pptx;
        case PPT -> Messages.Format_ppt;
        case EML -> Messages.Format_eml;
        case MSG -> Messages.Format_msg;
        case IMAGE -> Messages.Format_image;
        };
    }

    /** The name of a file's format, "scanned" when its text was recognised by OCR ("PDF, scanned"). */
    public static String format(DocumentFormat format, Double ocrConfidence) {
        String name = format(format);
        return ocrConfidence != null && format != DocumentFormat.IMAGE ? NLS.bind(Messages.Format_scan, name) : name;
    }

    /** The short form of a file's format for a table column ("pdf · OCR"). */
    public static String shortFormat(DocumentFormat format, Double ocrConfidence) {
        String id = format == null ? "?" : format.id();
        return ocrConfidence != null && format != DocumentFormat.IMAGE ? id + " · " + Messages.Search_ocr : id;
    }

    /** An OCR confidence as a whole percentage. */
    public static String percent(double confidence) {
        return Long.toString(Math.round(confidence));
    }

    /** Whether a path names a member of an archive ({@code archive.zip!/member}). */
    public static boolean isArchiveMember(Path file) {
        return file.toString().contains(MEMBER);
    }

    /** The file's name (a member's name within its archive, e.g. {@code minutes/2024.docx}). */
    public static String name(Path file) {
        String path = file.toString();
        int member = path.indexOf(MEMBER);
        if (member >= 0) {
            return path.substring(member + MEMBER.length());
        }
        Path name = file.getFileName();
        return name == null ? path : name.toString();
    }

    /** Where the file is: its folder, or "in the archive …" for a member of an archive. */
    public static String location(Path file) {
        String path = file.toString();
        int member = path.indexOf(MEMBER);
        if (member >= 0) {
            return NLS.bind(Messages.Viewer_inArchive, path.substring(0, member));
        }
        Path parent = file.getParent();
        return parent == null ? "" : parent.toString();
    }
}

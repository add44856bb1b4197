package eu.urbanagenda.kb.ui.search.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the Search view, document viewer and import ({@code messages.properties}, {@code _uk}, {@code _bg}). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "eu.urbanagenda.kb.ui.search.internal.messages";

    public static String Search_queryTooltip;
    public static String Search_syntaxHelp;
    public static String Search_syntaxTitle;
    public static String Search_syntaxFooter;
    public static String Search_syntax;
    public static String Search_acrossLanguages;
    public static String Search_acrossLanguagesTooltip;
    public static String Search_expanded;
    public static String Search_notExpanded;
    public static String Search_language;
    public static String Search_partnership;
    public static String Search_allLanguages;
    public static String Search_allPartnerships;
    public static String Search_typeToSearch;
    public static String Search_notOpen;
    public static String Search_job;
    public static String Search_more;
    public static String Search_facets;
    public static String Search_title;
    public static String Search_passage;
    public static String Search_lang;
    public static String Search_date;
    public static String Search_score;
    public static String Search_count;
    public static String Search_countFiles;
    public static String Search_firstShown;
    public static String Search_format;
    public static String Search_files;
    public static String Search_filesTooltip;
    public static String Search_ocr;
    public static String Search_open;
    public static String Search_openFile;
    public static String Search_chooseTitle;
    public static String Search_chooseMessage;
    public static String Search_chooseFile;
    public static String Search_chooseFolder;
    public static String Viewer_loading;
    public static String Viewer_job;
    public static String Viewer_notOpen;
    public static String Viewer_notIndexed;
    public static String Viewer_previous;
    public static String Viewer_next;
    public static String Viewer_matches;
    public static String Viewer_noMatches;
    public static String Viewer_noQuery;
    public static String Viewer_language;
    public static String Viewer_encoding;
    public static String Viewer_format;
    public static String Viewer_date;
    public static String Viewer_size;
    public static String Viewer_modified;
    public static String Viewer_partnerships;
    public static String Viewer_noPartnership;
    public static String Viewer_sha256;
    public static String Viewer_encodingBom;
    public static String Viewer_encodingValid;
    public static String Viewer_encodingUtf16;
    public static String Viewer_encodingDeclared;
    public static String Viewer_encodingDetected;
    public static String Viewer_encodingOverride;
    public static String Viewer_file;
    public static String Viewer_author;
    public static String Viewer_created;
    public static String Viewer_saved;
    public static String Viewer_ocr;
    public static String Viewer_copies;
    public static String Viewer_inArchive;
    public static String Viewer_copyOcr;
    public static String Format_text;
    public static String Format_html;
    public static String Format_pdf;
    public static String Format_docx;
    public static String Format_doc;
    public static String Format_odt;
    public static String Format_ods;
    public static String Format_odp;
    public static String Format_rtf;
    public static String Format_epub;
    public static String Format_xlsx;
    public static String Format_xls;
    public static String Format_pptx;
    public static String Format_ppt;
    public static String Format_eml;
    public static String Format_msg;
    public static String Format_image;
    public static String Format_unknown;
    public static String Format_scan;
    public static String Import_dialogTitle;
    public static String Import_dialogMessage;
    public static String Import_addFiles;
    public static String Import_addFolder;
    public static String Import_remove;
    public static String Import_start;
    public static String Import_job;
    public static String Import_notOpen;
    public static String Import_cancelled;
    public static String Import_cancelledKept;
    public static String Import_summaryTitle;
    public static String Import_failed;
    public static String Import_counts;
    public static String Import_summary;
    public static String Import_sources;
    public static String Import_what;
    public static String Import_file;
    public static String Import_reason;
    public static String Import_skipped;
    public static String Import_added;
    public static String Import_updated;
    public static String Import_removed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}

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
    public static String Search_hits;
    public static String Search_hitsShown;
    public static String Search_more;
    public static String Search_facets;
    public static String Search_title;
    public static String Search_passage;
    public static String Search_lang;
    public static String Search_date;
    public static String Search_score;
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

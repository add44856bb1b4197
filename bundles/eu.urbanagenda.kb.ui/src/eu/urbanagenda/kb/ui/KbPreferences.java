package eu.urbanagenda.kb.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.UpdateRequest;

/**
 * The workbench's preferences (instance scope of {@code eu.urbanagenda.kb.ui}, i.e. kept with the workbench state of
 * the data directory): data directory, default language filter of the Search view, search and indexing options. The
 * user-interface language is not a preference: it is {@code osgi.nl} in the configuration's {@code config.ini}.
 */
public final class KbPreferences {

    public static final String QUALIFIER = "eu.urbanagenda.kb.ui";
    /** The data directory; empty: the one the start script gave ({@code -Dkb.data}) or the default. */
    public static final String DATA_DIRECTORY = "dataDirectory";
    /** Language code the Search view filters by when it opens; empty: all languages. */
    public static final String SEARCH_LANGUAGE = "searchLanguage";
    /** Whether words typed in Latin letters also match Cyrillic text through transliteration keys. */
    public static final String MATCH_TRANSLITERATION = "matchTransliteration";
    /** Whether words are also looked for in titles (boosted). */
    public static final String SEARCH_TITLES = "searchTitles";
    /** Files larger than this (MiB) are skipped when importing. */
    public static final String MAX_FILE_SIZE_MIB = "maxFileSizeMiB";
    /** Worker threads for reading and analysing documents when importing; 0: automatic. */
    public static final String INDEXING_THREADS = "indexingThreads";

    private static ScopedPreferenceStore store;

    private KbPreferences() {
    }

    /** The preference store (defaults set by the bundle's preference initializer). */
    public static synchronized IPreferenceStore store() {
        if (store == null) {
            store = new ScopedPreferenceStore(InstanceScope.INSTANCE, QUALIFIER);
        }
        return store;
    }

    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(QUALIFIER);
    }

    /** The data directory chosen in Preferences, or {@code null} when none was chosen. */
    public static Path dataDirectory() {
        String value = store().getString(DATA_DIRECTORY);
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    /** The Search view's initial language filter ({@code ""}: all). */
    public static String searchLanguage() {
        return store().getString(SEARCH_LANGUAGE);
    }

    /**
     * The fields a word without field name searches: every text field, plus titles and transliteration keys unless
     * switched off; {@code null} for the index's defaults.
     */
    public static List<String> searchFields() {
        boolean translit = store().getBoolean(MATCH_TRANSLITERATION);
        boolean titles = store().getBoolean(SEARCH_TITLES);
        if (translit && titles) {
            return null;
        }
        List<String> fields = new ArrayList<>(KbFields.TEXT_FIELDS);
        if (titles) {
            fields.add(KbFields.TITLE);
        }
        if (translit) {
            fields.add(KbFields.TRANSLIT);
        }
        return fields;
    }

    /** Import options: size limit and threads. */
    public static UpdateRequest.Builder updateOptions() {
        UpdateRequest.Builder builder = UpdateRequest.builder();
        int mib = store().getInt(MAX_FILE_SIZE_MIB);
        if (mib > 0) {
            builder.maxFileSize((long) mib << 20);
        }
        int threads = store().getInt(INDEXING_THREADS);
        if (threads > 0) {
            builder.threads(threads);
        }
        return builder;
    }
}

package eu.urbanagenda.kb.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

import eu.urbanagenda.kb.core.BackendSetting;
import eu.urbanagenda.kb.index.KbFields;
import eu.urbanagenda.kb.index.UpdateRequest;

/**
 * The workbench's preferences (instance scope of {@code eu.urbanagenda.kb.ui}, i.e. kept with the workbench state of
 * the data directory): data directory, search engine (without password), default language filter of the Search view,
 * search and indexing options. The
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
    /** The OpenSearch cluster that holds the documents (never with a password); empty: the local index. */
    public static final String BACKEND_URL = "backendUrl";
    /** The user name for the cluster; empty: none, or the environment's. */
    public static final String BACKEND_USER = "backendUser";
    /** A PEM file of the certificate authority the cluster's certificates come from; empty: Java's own only. */
    public static final String BACKEND_CA = "backendCaCertificate";

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

    /**
     * The search engine chosen in Preferences, with the password of the environment ({@code KB_BACKEND_PASSWORD}):
     * no password is stored. Empty when none was chosen (then the environment's or the local index).
     *
     * @param environment e.g. {@link System#getenv()}
     */
    public static Optional<BackendSetting> backend(Map<String, String> environment) {
        String url = store().getString(BACKEND_URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(backend(url, store().getString(BACKEND_USER), store().getString(BACKEND_CA), null, environment));
    }

    /**
     * A search engine as the preferences give it: the user name and CA certificate of the environment where none is
     * given, the password given or else the environment's.
     *
     * @param url the cluster's URL; blank: the environment's setting as it is
     */
    public static BackendSetting backend(String url, String user, String caCertificate, String password,
            Map<String, String> environment) {
        BackendSetting fromEnvironment = BackendSetting.fromEnvironment(environment);
        if (url == null || url.isBlank()) {
            return fromEnvironment;
        }
        return new BackendSetting(url, user == null || user.isBlank() ? fromEnvironment.user() : user,
                password == null || password.isEmpty() ? fromEnvironment.password() : password,
                caCertificate == null || caCertificate.isBlank() ? fromEnvironment.caCertificate() : Path.of(caCertificate.strip()));
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

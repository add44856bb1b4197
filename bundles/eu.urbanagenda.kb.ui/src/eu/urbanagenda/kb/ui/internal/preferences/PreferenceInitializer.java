package eu.urbanagenda.kb.ui.internal.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

import eu.urbanagenda.kb.ui.KbPreferences;

/** Defaults of the workbench's preferences. */
public class PreferenceInitializer extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(KbPreferences.QUALIFIER);
        defaults.put(KbPreferences.DATA_DIRECTORY, "");
        defaults.put(KbPreferences.SEARCH_LANGUAGE, "");
        defaults.putBoolean(KbPreferences.MATCH_TRANSLITERATION, true);
        defaults.putBoolean(KbPreferences.SEARCH_TITLES, true);
        defaults.putInt(KbPreferences.MAX_FILE_SIZE_MIB, 64);
        defaults.putInt(KbPreferences.INDEXING_THREADS, 0);
        defaults.put(KbPreferences.BACKEND_URL, "");
        defaults.put(KbPreferences.BACKEND_USER, "");
        defaults.put(KbPreferences.BACKEND_CA, "");
    }
}

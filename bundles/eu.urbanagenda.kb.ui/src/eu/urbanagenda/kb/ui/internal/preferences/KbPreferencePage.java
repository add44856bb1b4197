package eu.urbanagenda.kb.ui.internal.preferences;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

import eu.urbanagenda.kb.core.KbLocations;
import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ui.KbPreferences;
import eu.urbanagenda.kb.ui.LanguageLabels;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * Preferences > Urban Agenda: the data directory (switching asks to save unsaved changes first, then reopens the
 * knowledge base there), the Search view's default language, the analysis and import options, and the
 * user-interface language of the next start ({@code osgi.nl} in {@code config.ini}).
 */
public class KbPreferencePage extends KbFieldEditorPage {

    /** UI language choices: value for osgi.nl, and the name shown (each language in itself). */
    static final String[][] UI_LANGUAGES = { { "", null }, { "en", "English" }, { "uk", "Українська" }, { "bg", "Български" } };

    private DirectoryFieldEditor dataDirectory;
    private Combo uiLanguage;

    public KbPreferencePage() {
        super(Messages.Preferences_description);
    }

    @Override
    protected void createFieldEditors() {
        Group data = group(Messages.Preferences_dataGroup);
        dataDirectory = new DirectoryFieldEditor(KbPreferences.DATA_DIRECTORY, Messages.Preferences_dataDirectory, data);
        dataDirectory.setEmptyStringAllowed(true);
        addField(dataDirectory);
        note(data, NLS.bind(Messages.Preferences_dataCurrent, sessions.dataDirectory(), KbLocations.defaultDataDirectory()));

        Group search = group(Messages.Preferences_searchGroup);
        List<String[]> languages = new ArrayList<>();
        languages.add(new String[] { Messages.Search_allLanguages, "" });
        for (Language language : Language.values()) {
            languages.add(new String[] { LanguageLabels.of(language), language.code() });
        }
        addField(new ComboFieldEditor(KbPreferences.SEARCH_LANGUAGE, Messages.Preferences_searchLanguage,
                languages.toArray(new String[0][]), search));

        Group analysis = group(Messages.Preferences_analysisGroup);
        addField(new BooleanFieldEditor(KbPreferences.MATCH_TRANSLITERATION, Messages.Preferences_transliteration, analysis));
        addField(new BooleanFieldEditor(KbPreferences.SEARCH_TITLES, Messages.Preferences_titles, analysis));
        IntegerFieldEditor size = new IntegerFieldEditor(KbPreferences.MAX_FILE_SIZE_MIB, Messages.Preferences_maxFileSize, analysis);
        size.setValidRange(1, 4096);
        addField(size);
        IntegerFieldEditor threads = new IntegerFieldEditor(KbPreferences.INDEXING_THREADS, Messages.Preferences_threads, analysis);
        threads.setValidRange(0, 32);
        addField(threads);

        Group ui = group(Messages.Preferences_uiGroup);
        Label label = new Label(ui, SWT.NONE);
        label.setText(Messages.Preferences_uiLanguage);
        uiLanguage = new Combo(ui, SWT.READ_ONLY);
        String stored = UiLanguage.stored();
        for (String[] choice : UI_LANGUAGES) {
            uiLanguage.add(choice[1] == null ? Messages.Preferences_systemLanguage : choice[1]);
            if (choice[0].equals(stored)) {
                uiLanguage.select(uiLanguage.getItemCount() - 1);
            }
        }
        if (uiLanguage.getSelectionIndex() < 0) {
            uiLanguage.select(0);
        }
        GridDataFactory.fillDefaults().span(2, 1).applyTo(uiLanguage);
        String where;
        try {
            where = UiLanguage.configIni().toString();
        } catch (IOException e) {
            where = e.getMessage();
        }
        note(ui, NLS.bind(Messages.Preferences_uiLanguageNote, where));
    }

    @Override
    protected void performDefaults() {
        super.performDefaults();
        uiLanguage.select(0);
    }

    @Override
    public boolean performOk() {
        Path before = KbPreferences.dataDirectory();
        String chosen = dataDirectory.getStringValue().strip();
        Path after = chosen.isEmpty() ? null : Path.of(chosen);
        if (!(before == null ? after == null : before.equals(after))) {
            Path directory = after == null ? KbLocations.defaultDataDirectory() : after;
            if (!reopenSession(Messages.Preferences_saveBeforeSwitch, service -> service.setDataDirectory(directory))) {
                return false;
            }
        }
        if (!super.performOk()) {
            return false;
        }
        String nl = UI_LANGUAGES[Math.max(0, uiLanguage.getSelectionIndex())][0];
        if (!nl.equals(UiLanguage.stored())) {
            try {
                UiLanguage.store(nl);
                MessageDialog.openInformation(getShell(), Messages.Preferences_uiGroup, Messages.Preferences_uiLanguageRestart);
            } catch (IOException e) {
                MessageDialog.openError(getShell(), Messages.Preferences_uiGroup,
                        NLS.bind(Messages.Preferences_uiLanguageFailed, e.getMessage()));
                return false;
            }
        }
        return true;
    }

    /** The UI language combo (tests). */
    public Combo getUiLanguageCombo() {
        return uiLanguage;
    }
}

package eu.urbanagenda.kb.model.localization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Named;
import eu.urbanagenda.kb.model.UrbanAgendaFactory;

/**
 * Picks the text of a multilingual value (names, descriptions, keywords) for a language or a locale: the text in
 * that language, else the English one, else the first non-blank one. In Eclipse, {@link Locale#getDefault()} is the
 * OSGi {@code nl} (the {@code -nl} argument), so the no-locale methods follow the user's language.
 */
public final class Localized {

    /** The languages of the names of partnerships, actors and actions, in the order they are shown: en, bg, uk. */
    public static final List<Language> NAME_LANGUAGES = List.of(Language.EN, Language.BG, Language.UK);

    private Localized() {
    }

    /** The model language of a locale: uk, bg, ru or en; any other language is {@link Language#OTHER}. */
    public static Language language(Locale locale) {
        String code = locale == null ? "" : locale.getLanguage();
        Language language = Language.get(code);
        return language == null || code.isEmpty() ? Language.OTHER : language;
    }

    /** The first non-blank text in exactly this language. */
    public static Optional<LocalizedString> find(List<LocalizedString> texts, Language language) {
        for (LocalizedString text : texts) {
            if (text.getLanguage() == language && !isBlank(text.getValue())) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** All non-blank texts in this language (e.g. the keywords of a partnership in Ukrainian). */
    public static List<String> all(List<LocalizedString> texts, Language language) {
        List<String> values = new ArrayList<>();
        for (LocalizedString text : texts) {
            if (text.getLanguage() == language && !isBlank(text.getValue())) {
                values.add(text.getValue());
            }
        }
        return values;
    }

    /** The text for a language with English, then any language, as fallback; {@code null} when there is none. */
    public static LocalizedString pick(List<LocalizedString> texts, Language language) {
        return find(texts, language)
            .or(() -> find(texts, Language.EN))
            .or(() -> texts.stream().filter(t -> !isBlank(t.getValue())).findFirst())
            .orElse(null);
    }

    /** The value of {@link #pick(List, Language)}, or {@code null}. */
    public static String text(List<LocalizedString> texts, Locale locale) {
        LocalizedString text = pick(texts, language(locale));
        return text == null ? null : text.getValue();
    }

    /** The name of an object in the language of the locale (English fallback), or its id when it has no name. */
    public static String name(Named named, Locale locale) {
        String name = text(named.getNames(), locale);
        return name != null ? name : named.getId();
    }

    /** The name of an object in the user's language ({@link Locale#getDefault()}). */
    public static String name(Named named) {
        return name(named, Locale.getDefault());
    }

    /** The English name, or {@code null}. */
    public static String englishName(Named named) {
        return find(named.getNames(), Language.EN).map(LocalizedString::getValue).orElse(null);
    }

    /** A new localized string. */
    public static LocalizedString of(Language language, String value, boolean translated) {
        LocalizedString text = UrbanAgendaFactory.eINSTANCE.createLocalizedString();
        text.setLanguage(language);
        text.setValue(value);
        text.setTranslated(translated);
        return text;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

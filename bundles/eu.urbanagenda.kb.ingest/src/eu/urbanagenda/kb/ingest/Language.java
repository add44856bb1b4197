package eu.urbanagenda.kb.ingest;

import java.util.Locale;

/** The language of a document, as detected by {@link LanguageDetector}. */
public enum Language {
    /** Ukrainian. */
    UK("uk"),
    /** Bulgarian. */
    BG("bg"),
    /** Russian. */
    RU("ru"),
    /** English. */
    EN("en"),
    /** Anything else, including documents without enough letters to tell. */
    OTHER("other");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** @return the code stored in the index: {@code uk}, {@code bg}, {@code ru}, {@code en} or {@code other} */
    public String code() {
        return code;
    }

    /**
     * @param code a code such as {@code uk}, {@code UK}, {@code uk-UA} or {@code bg_BG}
     * @return the language, or {@link #OTHER} for an unknown or empty code
     */
    public static Language fromCode(String code) {
        if (code == null) {
            return OTHER;
        }
        String primary = code.trim().toLowerCase(Locale.ROOT);
        int cut = primary.indexOf('-') >= 0 ? primary.indexOf('-') : primary.indexOf('_');
        if (cut >= 0) {
            primary = primary.substring(0, cut);
        }
        return switch (primary) {
            case "uk", "ukr" -> UK;
            case "bg", "bul" -> BG;
            case "ru", "rus" -> RU;
            case "en", "eng" -> EN;
            default -> OTHER;
        };
    }
}

package eu.urbanagenda.kb.ui;

import eu.urbanagenda.kb.ingest.Language;
import eu.urbanagenda.kb.ui.internal.Messages;

/** The names of the languages, in the workbench's language: the one place the workbench's views take them from. */
public final class LanguageLabels {

    private LanguageLabels() {
    }

    /** The name of a document language ("Ukrainian", «Українська»…); "Other" for {@code null}. */
    public static String of(Language language) {
        return switch (language == null ? Language.OTHER : language) {
        case UK -> Messages.Language_uk;
        case BG -> Messages.Language_bg;
        case RU -> Messages.Language_ru;
        case EN -> Messages.Language_en;
        case OTHER -> Messages.Language_other;
        };
    }

    /** The name of a language of the knowledge base (of a partnership's name, a source document). */
    public static String of(eu.urbanagenda.kb.model.Language language) {
        return of(language == null ? Language.OTHER : Language.fromCode(language.getLiteral()));
    }
}

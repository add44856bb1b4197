package eu.urbanagenda.kb.core;

import eu.urbanagenda.kb.model.DocumentFormat;
import eu.urbanagenda.kb.model.Language;

/**
 * The one mapping from what the search core tells of a document (its detected language, the format it was read from)
 * to the knowledge base's enumerations.
 */
public final class ModelMapping {

    private ModelMapping() {
    }

    /** The model's language of a document language; {@code other} for none. */
    public static Language language(eu.urbanagenda.kb.ingest.Language language) {
        if (language == null) {
            return Language.OTHER;
        }
        return switch (language) {
        case UK -> Language.UK;
        case BG -> Language.BG;
        case RU -> Language.RU;
        case EN -> Language.EN;
        case OTHER -> Language.OTHER;
        };
    }

    /** The model's format of a document format; {@code null} for a format the model does not name. */
    public static DocumentFormat format(eu.urbanagenda.kb.ingest.DocumentFormat format) {
        return format == null ? null : DocumentFormat.get(format.id());
    }
}

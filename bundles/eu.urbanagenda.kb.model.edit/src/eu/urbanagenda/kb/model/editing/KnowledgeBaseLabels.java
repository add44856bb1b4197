package eu.urbanagenda.kb.model.editing;

import java.util.Locale;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.Identified;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Named;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.SavedSearch;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.UrbanAgendaPackage;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.provider.UrbanAgendaEditPlugin;

/**
 * The labels the item providers show, in the user's language: names come from the model's localized strings for
 * {@link Locale#getDefault()} (the OSGi {@code nl}) with English as fallback; type names and enumeration literals come
 * from the edit bundle's {@code plugin.properties} ({@code plugin_uk.properties}, {@code plugin_bg.properties}).
 */
public final class KnowledgeBaseLabels {

    private KnowledgeBaseLabels() {
    }

    /** The label of a model object, as the item providers' {@code getText} returns it. */
    public static String text(Object object) {
        return text(object, Locale.getDefault());
    }

    /** The label of a model object for a locale (type names and literals still follow the OSGi nl). */
    public static String text(Object object, Locale locale) {
        if (object instanceof Actor actor) {
            String name = Localized.name(actor, locale);
            return actor.getCountry() == null ? name : name + " (" + actor.getCountry() + ")";
        }
        if (object instanceof Named named) {
            String name = Localized.text(named.getNames(), locale);
            return name != null ? name : typeName((EObject) object) + " " + nullToEmpty(named.getId());
        }
        if (object instanceof LocalizedString text) {
            String marker = text.isTranslated() ? " " + string("_UI_Translated_marker") : "";
            return text.getLanguage() + ": " + nullToEmpty(text.getValue()) + marker;
        }
        if (object instanceof Participation participation) {
            String actor = participation.getActor() == null ? "?" : text(participation.getActor(), locale);
            return literal(participation.getRole()) + ": " + actor;
        }
        if (object instanceof SourceDocument document) {
            String title = document.getTitle();
            return title == null || title.isBlank() ? typeName(document) + " " + nullToEmpty(document.getId()) : title;
        }
        if (object instanceof Evidence evidence) {
            String document = evidence.getDocument() == null ? "?" : text(evidence.getDocument(), locale);
            String target = evidence.getTarget() == null ? "?" : text(evidence.getTarget(), locale);
            return literal(evidence.getStatus()) + ": " + document + " \u2192 " + target;
        }
        if (object instanceof SavedSearch search) {
            String name = search.getName() != null && !search.getName().isBlank() ? search.getName() : search.getQuery();
            return name == null ? typeName(search) + " " + nullToEmpty(search.getId()) : name;
        }
        if (object instanceof Identified identified) {
            return typeName(identified) + " " + nullToEmpty(identified.getId());
        }
        return object instanceof EObject eObject ? typeName(eObject) : String.valueOf(object);
    }

    /** The translated name of an object's type, e.g. "Партнерство". */
    public static String typeName(EObject object) {
        return string("_UI_" + object.eClass().getName() + "_type");
    }

    /** The translated name of an enumeration literal, e.g. "координатор". */
    public static String literal(Enumerator literal) {
        if (literal == null) {
            return "";
        }
        for (var classifier : UrbanAgendaPackage.eINSTANCE.getEClassifiers()) {
            if (classifier instanceof EEnum eEnum && eEnum.getInstanceClass() == literal.getClass()) {
                return string("_UI_" + eEnum.getName() + "_" + literal.getName() + "_literal");
            }
        }
        return literal.getLiteral();
    }

    /** The translated name of a feature, e.g. "Status", "End Year". */
    public static String featureName(EStructuralFeature feature) {
        return string("_UI_" + feature.getEContainingClass().getName() + "_" + feature.getName() + "_feature");
    }

    /**
     * A phrase of the words that say what changed between two versions ({@code _UI_Change_<key>} of the edit bundle's
     * {@code plugin.properties}), e.g. {@code phrase("added", "Action Open data")}: "Action Open data added".
     */
    public static String phrase(String key, Object... arguments) {
        return arguments.length == 0 ? string("_UI_Change_" + key)
                : UrbanAgendaEditPlugin.INSTANCE.getString("_UI_Change_" + key, arguments);
    }

    private static String string(String key) {
        return UrbanAgendaEditPlugin.INSTANCE.getString(key);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

package eu.urbanagenda.kb.compare.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import eu.urbanagenda.kb.compare.ChangeDescription;
import eu.urbanagenda.kb.compare.ModelChange;
import eu.urbanagenda.kb.model.Identified;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;

/** Changes between two versions in the user's words (the edit bundle's texts: English, Ukrainian, Bulgarian). */
public record ChangeWords(VersionIndex before, VersionIndex after) {

    private static final int LONGEST_VALUE = 80;

    public ChangeDescription describe(ModelChange change) {
        return switch (change) {
        case ModelChange.Added added -> {
            EObject object = after.get(added.key());
            String subject = after.subjectKey(added.parentKey());
            yield new ChangeDescription(change, idOf(after, subject), subjectWords(after, subject),
                    KnowledgeBaseLabels.phrase("added", objectWords(object)), "");
        }
        case ModelChange.Removed removed -> {
            EObject object = before.get(removed.key());
            String subject = before.subjectKey(removed.parentKey());
            yield new ChangeDescription(change, idOf(before, subject), subjectWords(before, subject),
                    KnowledgeBaseLabels.phrase("removed", objectWords(object)), "");
        }
        case ModelChange.Moved moved -> {
            EObject object = after.get(moved.key());
            String subject = after.subjectKey(moved.key());
            yield new ChangeDescription(change, idOf(after, subject), "",
                    KnowledgeBaseLabels.phrase("moved", objectWords(object), objectWords(before.get(moved.oldParentKey())),
                            objectWords(after.get(moved.newParentKey()))), "");
        }
        case ModelChange.Changed changed -> describeChanged(changed);
        };
    }

    private ChangeDescription describeChanged(ModelChange.Changed change) {
        VersionIndex version = after.contains(change.key()) ? after : before;
        EObject object = version.get(change.key());
        String subject = version.subjectKey(change.key());
        String subjectId = idOf(version, subject);
        String subjectWords = subjectWords(version, subject);
        EStructuralFeature feature = change.feature();
        if (object instanceof LocalizedString) {
            String label = objectWords(object);
            if (feature == Literals.LOCALIZED_STRING__VALUE) {
                return new ChangeDescription(change, subjectId, subjectWords, KnowledgeBaseLabels.phrase("changed", label),
                        value(before, feature, change.oldValue()) + " \u2192 " + value(after, feature, change.newValue()));
            }
            String name = feature == Literals.LOCALIZED_STRING__TRANSLATED ? KnowledgeBaseLabels.phrase("translated", label)
                    : label + " \u00b7 " + KnowledgeBaseLabels.featureName(feature);
            return new ChangeDescription(change, subjectId, subjectWords, KnowledgeBaseLabels.phrase("value", name,
                    value(before, feature, change.oldValue()), value(after, feature, change.newValue())), "");
        }
        String name = KnowledgeBaseLabels.featureName(feature);
        if (object instanceof Identified identified && !(object instanceof KnowledgeBase) && !change.key().equals(subject)) {
            name = objectWords(identified) + " \u00b7 " + name;
        } else if (!(object instanceof Identified)) {
            name = objectWords(object) + " \u00b7 " + name;
        }
        if (feature.isMany()) {
            List<?> oldValues = (List<?>) change.oldValue();
            List<?> newValues = (List<?>) change.newValue();
            List<String> parts = new ArrayList<>();
            List<String> added = words(after, feature, newValues.stream().filter(v -> !oldValues.contains(v)).toList());
            List<String> removed = words(before, feature, oldValues.stream().filter(v -> !newValues.contains(v)).toList());
            if (!added.isEmpty()) {
                parts.add(KnowledgeBaseLabels.phrase("listAdded", name, String.join(", ", added)));
            }
            if (!removed.isEmpty()) {
                parts.add(KnowledgeBaseLabels.phrase("listRemoved", name, String.join(", ", removed)));
            }
            if (parts.isEmpty()) {
                parts.add(KnowledgeBaseLabels.phrase("changed", name)); // the same values in another order
            }
            return new ChangeDescription(change, subjectId, subjectWords, String.join("; ", parts), "");
        }
        return new ChangeDescription(change, subjectId, subjectWords, KnowledgeBaseLabels.phrase("value", name,
                value(before, feature, change.oldValue()), value(after, feature, change.newValue())), "");
    }

    private static String idOf(VersionIndex version, String key) {
        return key != null && version.get(key) instanceof Identified identified ? identified.getId() : null;
    }

    private static String subjectWords(VersionIndex version, String key) {
        EObject subject = key == null ? null : version.get(key);
        return subject == null || subject instanceof KnowledgeBase ? "" : objectWords(subject);
    }

    /** An object in words: "Partnership Digital Transition", "Coordinator Sofia (BG)", "Name (bg)". */
    public static String objectWords(EObject object) {
        if (object == null) {
            return "?";
        }
        if (object instanceof Participation participation) {
            String actor = participation.getActor() == null ? "?" : KnowledgeBaseLabels.text(participation.getActor());
            String role = capitalized(KnowledgeBaseLabels.literal(participation.getRole()));
            return participation.getAction() == null ? role + " " + actor
                    : role + " " + actor + " \u00b7 " + KnowledgeBaseLabels.text(participation.getAction());
        }
        if (object instanceof LocalizedString text) {
            String language = text.isSetLanguage() ? text.getLanguage().getLiteral() : "?";
            if (object.eContainmentFeature() == Literals.PARTNERSHIP__KEYWORDS) {
                return KnowledgeBaseLabels.phrase("keyword", language, text.getValue());
            }
            return KnowledgeBaseLabels.phrase(object.eContainmentFeature() == Literals.NAMED__DESCRIPTIONS ? "description" : "name", language);
        }
        if (object instanceof KnowledgeBase) {
            return KnowledgeBaseLabels.typeName(object);
        }
        return KnowledgeBaseLabels.typeName(object) + " " + KnowledgeBaseLabels.text(object);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.getDefault()) + text.substring(1);
    }

    private List<String> words(VersionIndex version, EStructuralFeature feature, List<?> values) {
        List<String> words = new ArrayList<>();
        for (Object value : values) {
            words.add(value(version, feature, value));
        }
        return words;
    }

    /** A plain value in words: "—" for none, literals translated, references by the target's label. */
    public static String value(VersionIndex version, EStructuralFeature feature, Object value) {
        if (value == null) {
            return KnowledgeBaseLabels.phrase("none");
        }
        if (value instanceof List<?> list) {
            List<String> words = new ArrayList<>();
            for (Object each : list) {
                words.add(value(version, feature, each));
            }
            return words.isEmpty() ? KnowledgeBaseLabels.phrase("none") : String.join(", ", words);
        }
        if (feature instanceof EReference) {
            EObject target = version.get((String) value);
            return target == null ? String.valueOf(value) : KnowledgeBaseLabels.text(target);
        }
        if (value instanceof Boolean flag) {
            return KnowledgeBaseLabels.phrase(flag ? "yes" : "no");
        }
        if (value instanceof Enumerator literal) {
            return KnowledgeBaseLabels.literal(literal);
        }
        String text = String.valueOf(value).replace('\n', ' ');
        return text.length() > LONGEST_VALUE ? text.substring(0, LONGEST_VALUE - 1) + "\u2026" : text;
    }
}

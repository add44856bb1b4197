package eu.urbanagenda.kb.compare.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import eu.urbanagenda.kb.model.Identified;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;

/**
 * Every object of one version of a knowledge base under a key that names the same object in every version: its id,
 * or, for the objects without one (names, keywords, participations), the key of its owner, the feature and what
 * identifies it there ({@code digital-transition/names[bg]}, {@code digital-transition/participations[coordinator:city-sofia]}).
 * Changing what a key is made of (a participation's actor) is removing one object and adding another.
 */
public final class VersionIndex {

    /** Where an object sits: the key of its container and the containment feature (null for the root). */
    public record Place(String parentKey, EReference feature) {
    }

    private final KnowledgeBase root;
    private final Map<String, EObject> byKey = new LinkedHashMap<>();
    private final Map<EObject, String> keyOf = new HashMap<>();
    private final Map<String, Place> places = new HashMap<>();

    private VersionIndex(KnowledgeBase root) {
        this.root = root;
    }

    /** Indexes a knowledge base (an empty index for {@code null}: the version before anything existed). */
    public static VersionIndex of(KnowledgeBase root) {
        VersionIndex index = new VersionIndex(root);
        if (root != null) {
            index.add(root, null, null);
        }
        return index;
    }

    private void add(EObject object, String parentKey, EReference feature) {
        String key = uniqueKey(object, parentKey, feature);
        byKey.put(key, object);
        keyOf.put(object, key);
        places.put(key, new Place(parentKey, feature));
        for (EReference containment : object.eClass().getEAllContainments()) {
            if (containment.isDerived() || containment.isTransient()) {
                continue;
            }
            for (EObject child : children(object, containment)) {
                add(child, key, containment);
            }
        }
    }

    /** Adds an object put into the indexed knowledge base after indexing (a merge that adds it), with its contents. */
    public void addSubtree(EObject object) {
        EObject container = object.eContainer();
        add(object, container == null ? null : keyOf.get(container), object.eContainmentFeature());
    }

    /** The children of a containment feature, in their order. */
    public static List<EObject> children(EObject object, EReference containment) {
        Object value = object.eGet(containment);
        if (containment.isMany()) {
            @SuppressWarnings("unchecked")
            List<EObject> list = (List<EObject>) value;
            return new ArrayList<>(list);
        }
        return value == null ? List.of() : List.of((EObject) value);
    }

    private String uniqueKey(EObject object, String parentKey, EReference feature) {
        String key = baseKey(object, parentKey, feature);
        String candidate = key;
        for (int n = 2; byKey.containsKey(candidate); n++) {
            candidate = key + "#" + n; // only an invalid knowledge base has two such objects
        }
        return candidate;
    }

    private String baseKey(EObject object, String parentKey, EReference feature) {
        if (object instanceof Identified identified && identified.getId() != null && !identified.getId().isEmpty()) {
            return identified.getId();
        }
        if (parentKey == null) {
            return "/";
        }
        return parentKey + "/" + feature.getName() + "[" + localKey(object, feature) + "]";
    }

    private String localKey(EObject object, EReference feature) {
        if (object instanceof LocalizedString text) {
            String language = text.isSetLanguage() ? text.getLanguage().getLiteral() : "?";
            return feature == Literals.PARTNERSHIP__KEYWORDS ? language + ":" + text.getValue() : language;
        }
        if (object instanceof Participation participation) {
            String role = participation.isSetRole() ? participation.getRole().getLiteral() : "?";
            return role + ":" + referenceKey(participation.getActor())
                    + (participation.getAction() == null ? "" : ":" + referenceKey(participation.getAction()));
        }
        return Integer.toString(children(object.eContainer(), feature).indexOf(object));
    }

    /** The key a reference to {@code target} is compared by: the target's id (references are by id in the file). */
    private static String referenceKey(EObject target) {
        return target instanceof Identified identified ? identified.getId() : String.valueOf(target);
    }

    /**
     * Whether a feature is part of an object's key (a name's language, a keyword's language and text, a
     * participation's actor, role and action): such a feature never "changes", the object is replaced.
     */
    public static boolean isKeyFeature(EObject object, EStructuralFeature feature) {
        if (object instanceof Identified) {
            return feature == Literals.IDENTIFIED__ID;
        }
        if (object instanceof LocalizedString) {
            return feature == Literals.LOCALIZED_STRING__LANGUAGE
                    || feature == Literals.LOCALIZED_STRING__VALUE && object.eContainmentFeature() == Literals.PARTNERSHIP__KEYWORDS;
        }
        if (object instanceof Participation) {
            return true;
        }
        return false;
    }

    /** The features compared between versions: stored, changeable, not containment, not part of the key. */
    public static List<EStructuralFeature> comparedFeatures(EObject object) {
        EClass eClass = object.eClass();
        List<EStructuralFeature> features = new ArrayList<>();
        for (EStructuralFeature feature : eClass.getEAllStructuralFeatures()) {
            if (feature.isDerived() || feature.isTransient() || !feature.isChangeable() || feature.isVolatile()) {
                continue;
            }
            if (feature instanceof EReference reference && (reference.isContainment() || reference.isContainer())) {
                continue;
            }
            if (feature instanceof EAttribute || feature instanceof EReference) {
                if (!isKeyFeature(object, feature)) {
                    features.add(feature);
                }
            }
        }
        return features;
    }

    public KnowledgeBase root() {
        return root;
    }

    public EObject get(String key) {
        return byKey.get(key);
    }

    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    /** The key of an object of this version, or {@code null} when it is not in it. */
    public String keyOf(EObject object) {
        return keyOf.get(object);
    }

    /** Every key, in the order of the file (containers before their contents). */
    public Iterable<String> keys() {
        return byKey.keySet();
    }

    public Place place(String key) {
        return places.get(key);
    }

    /** The key of the container, or {@code null} for the root or an unknown key. */
    public String parentKey(String key) {
        Place place = places.get(key);
        return place == null ? null : place.parentKey();
    }

    /** Whether {@code key} is {@code ancestor} or lies inside it. */
    public boolean isWithin(String key, String ancestor) {
        for (String k = key; k != null; k = parentKey(k)) {
            if (k.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The nearest object with an id that is {@code key} or contains it (the object a change is about). */
    public String subjectKey(String key) {
        for (String k = key; k != null; k = parentKey(k)) {
            if (byKey.get(k) instanceof Identified identified && identified.getId() != null) {
                return k;
            }
        }
        return null;
    }

    /** The keys of an object and everything inside it. */
    public List<String> subtree(String key) {
        List<String> keys = new ArrayList<>();
        EObject object = byKey.get(key);
        if (object != null) {
            keys.add(key);
            object.eAllContents().forEachRemaining(o -> {
                String k = keyOf.get(o);
                if (k != null) {
                    keys.add(k);
                }
            });
        }
        return keys;
    }

    /**
     * A feature's value as compared between versions: attributes as they are ({@code null} when unset), references as
     * the keys of their targets; many-valued features as lists.
     */
    public Object plainValue(EObject object, EStructuralFeature feature) {
        if (feature.isMany()) {
            List<Object> values = new ArrayList<>();
            for (Object value : (List<?>) object.eGet(feature)) {
                values.add(feature instanceof EReference ? referencePlain((EObject) value) : value);
            }
            return values;
        }
        if (feature.isUnsettable() && !object.eIsSet(feature)) {
            return null;
        }
        Object value = object.eGet(feature);
        return feature instanceof EReference && value != null ? referencePlain((EObject) value) : value;
    }

    private String referencePlain(EObject target) {
        String key = keyOf.get(target);
        return key != null ? key : referenceKey(target);
    }
}

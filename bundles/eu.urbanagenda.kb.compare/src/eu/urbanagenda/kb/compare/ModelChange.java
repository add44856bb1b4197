package eu.urbanagenda.kb.compare;

import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * One change between two versions of a knowledge base, at the level of the model: an object added, removed or moved,
 * or one feature of an object changed. Objects are named by their keys (the id, or for objects without one the owner's
 * key, the feature and what identifies them there, e.g. {@code digital-transition/names[bg]}); values of references are
 * the keys of their targets, values of many-valued features are lists.
 */
public sealed interface ModelChange {

    /** The key of the object the change is about. */
    String key();

    /**
     * An object added with everything inside it, into {@code feature} of the object {@code parentKey}, after the
     * object {@code predecessorKey} (or first, when {@code null}).
     */
    record Added(String key, String parentKey, EReference feature, String predecessorKey) implements ModelChange {
    }

    /** An object removed from {@code feature} of {@code parentKey}, with everything inside it. */
    record Removed(String key, String parentKey, EReference feature) implements ModelChange {
    }

    /** An object that now sits in {@code feature} of {@code newParentKey} (it was in {@code oldParentKey}). */
    record Moved(String key, String oldParentKey, String newParentKey, EReference feature, String predecessorKey)
            implements ModelChange {
    }

    /** A feature whose value changed from {@code oldValue} to {@code newValue} ({@code null}: not set). */
    record Changed(String key, EStructuralFeature feature, Object oldValue, Object newValue) implements ModelChange {
    }
}

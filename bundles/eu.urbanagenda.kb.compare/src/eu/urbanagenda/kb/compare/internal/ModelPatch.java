package eu.urbanagenda.kb.compare.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

import eu.urbanagenda.kb.compare.ModelChange;
import eu.urbanagenda.kb.model.KnowledgeBase;

/**
 * Applies changes made in one version ({@code source}) to another knowledge base, matching objects by key: added objects
 * are copied from the source with their references pointed at the target's objects of the same keys, values of
 * references are looked up by key, many-valued features are merged (what the change added is added, what it removed is
 * removed, what the target has besides is kept). Additions first, then moves, changes, and removals last.
 */
public final class ModelPatch {

    /** A reference that would point at an object no longer in the knowledge base. */
    public record Dangling(String referrerKey, EReference reference, String targetKey) {
    }

    private ModelPatch() {
    }

    /**
     * Applies {@code changes} (made against {@code source}) to {@code target}.
     *
     * @return the references that point outside {@code target} afterwards (empty when the result is whole)
     */
    public static List<Dangling> apply(KnowledgeBase target, VersionIndex source, List<ModelChange> changes) {
        VersionIndex index = VersionIndex.of(target);
        List<Dangling> unresolved = new ArrayList<>();
        Map<EObject, EObject> copies = new LinkedHashMap<>(); // copy -> original in source
        List<ModelChange.Added> added = new ArrayList<>();
        List<ModelChange.Moved> moved = new ArrayList<>();
        List<ModelChange.Changed> changed = new ArrayList<>();
        List<ModelChange.Removed> removed = new ArrayList<>();
        for (ModelChange change : changes) {
            switch (change) {
            case ModelChange.Added a -> added.add(a);
            case ModelChange.Moved m -> moved.add(m);
            case ModelChange.Changed c -> changed.add(c);
            case ModelChange.Removed r -> removed.add(r);
            }
        }
        // objects this patch places: a run of them after one predecessor keeps the order of the source
        Set<EObject> placed = new HashSet<>();
        for (ModelChange.Added add : added) {
            EObject parent = index.get(add.parentKey());
            EObject original = source.get(add.key());
            if (index.contains(add.key()) || parent == null || original == null) {
                continue; // there already, or its place is gone (a conflict the caller chose against)
            }
            EcoreUtil.Copier copier = new EcoreUtil.Copier(false, false);
            EObject copy = copier.copy(original);
            copier.forEach((from, to) -> copies.put(to, from));
            insert(parent, add.feature(), copy, index.get(add.predecessorKey()), placed);
            index.addSubtree(copy);
        }
        for (ModelChange.Moved move : moved) {
            EObject object = index.get(move.key());
            EObject parent = index.get(move.newParentKey());
            if (object == null || parent == null || EcoreUtil.isAncestor(object, parent)) {
                continue;
            }
            EcoreUtil.remove(object);
            insert(parent, move.feature(), object, index.get(move.predecessorKey()), placed);
        }
        if (!moved.isEmpty()) {
            index = VersionIndex.of(target);
        }
        for (Map.Entry<EObject, EObject> entry : copies.entrySet()) {
            copyReferences(entry.getValue(), entry.getKey(), source, index, unresolved);
        }
        for (ModelChange.Changed change : changed) {
            EObject object = index.get(change.key());
            if (object != null) {
                set(object, change, index, unresolved);
            }
        }
        for (ModelChange.Removed remove : removed) {
            EObject object = index.get(remove.key());
            if (object != null && object.eContainer() != null) {
                EcoreUtil.remove(object);
            }
        }
        unresolved.addAll(dangling(target));
        return unresolved;
    }

    private static void insert(EObject parent, EReference feature, EObject object, EObject predecessor, Set<EObject> placed) {
        placed.add(object);
        if (!feature.isMany()) {
            parent.eSet(feature, object);
            return;
        }
        @SuppressWarnings("unchecked")
        EList<EObject> list = (EList<EObject>) parent.eGet(feature);
        int position = predecessor == null ? 0 : list.indexOf(predecessor) + 1;
        if (predecessor != null && position == 0) {
            position = list.size(); // its predecessor is elsewhere now: at the end
        }
        while (position < list.size() && placed.contains(list.get(position))) {
            position++; // after the objects placed before it behind the same predecessor
        }
        list.add(Math.min(position, list.size()), object);
    }

    private static void copyReferences(EObject original, EObject copy, VersionIndex source, VersionIndex index,
            List<Dangling> unresolved) {
        for (EReference reference : copy.eClass().getEAllReferences()) {
            if (reference.isContainment() || reference.isContainer() || reference.isDerived() || reference.isTransient()
                    || !reference.isChangeable() || !original.eIsSet(reference)) {
                continue;
            }
            Object value = source.plainValue(original, reference);
            setResolved(copy, reference, value, index, unresolved);
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(EObject object, ModelChange.Changed change, VersionIndex index, List<Dangling> unresolved) {
        EStructuralFeature feature = change.feature();
        Object value = change.newValue();
        if (feature.isMany()) {
            List<Object> old = (List<Object>) change.oldValue();
            List<Object> wanted = (List<Object>) change.newValue();
            List<Object> merged = new ArrayList<>((List<Object>) index.plainValue(object, feature));
            merged.removeIf(v -> old.contains(v) && !wanted.contains(v));
            for (Object v : wanted) {
                if (!old.contains(v) && !merged.contains(v)) {
                    merged.add(v);
                }
            }
            value = merged;
        }
        setResolved(object, feature, value, index, unresolved);
    }

    @SuppressWarnings("unchecked")
    private static void setResolved(EObject object, EStructuralFeature feature, Object plain, VersionIndex index,
            List<Dangling> unresolved) {
        if (feature.isMany()) {
            List<Object> values = new ArrayList<>();
            for (Object each : (List<Object>) plain) {
                Object resolved = feature instanceof EReference ? index.get((String) each) : each;
                if (resolved != null) {
                    values.add(resolved);
                } else {
                    unresolved.add(new Dangling(index.keyOf(object), (EReference) feature, (String) each));
                }
            }
            EList<Object> list = (EList<Object>) object.eGet(feature);
            if (!list.equals(values)) {
                list.clear();
                list.addAll(values);
            }
        } else if (plain == null) {
            object.eUnset(feature);
        } else {
            Object resolved = feature instanceof EReference ? index.get((String) plain) : plain;
            if (resolved != null) {
                object.eSet(feature, resolved);
            } else {
                unresolved.add(new Dangling(index.keyOf(object), (EReference) feature, (String) plain));
            }
        }
    }

    /** References (stored ones) from inside {@code root} to objects outside it. */
    public static List<Dangling> dangling(KnowledgeBase root) {
        List<Dangling> dangling = new ArrayList<>();
        VersionIndex index = VersionIndex.of(root);
        root.eAllContents().forEachRemaining(object -> {
            for (EReference reference : object.eClass().getEAllReferences()) {
                if (reference.isContainment() || reference.isContainer() || reference.isDerived() || reference.isTransient()) {
                    continue;
                }
                Object value = object.eGet(reference);
                List<?> targets = reference.isMany() ? (List<?>) value : value == null ? List.of() : List.of(value);
                for (Object target : targets) {
                    if (EcoreUtil.getRootContainer((EObject) target) != root) {
                        dangling.add(new Dangling(index.keyOf(object), reference, String.valueOf(
                                target instanceof eu.urbanagenda.kb.model.Identified i ? i.getId() : target)));
                    }
                }
            }
        });
        return dangling;
    }
}

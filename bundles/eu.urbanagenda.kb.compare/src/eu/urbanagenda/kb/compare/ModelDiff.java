package eu.urbanagenda.kb.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import eu.urbanagenda.kb.compare.internal.ChangeWords;
import eu.urbanagenda.kb.compare.internal.VersionIndex;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Participation;

/**
 * What changed between two versions of a knowledge base, object by object and feature by feature (objects matched
 * by their ids; see {@link ModelChange}), and the same in words ("Coordinator Sofia (BG) added",
 * "Status: active → completed", "Name (bg) changed").
 */
public final class ModelDiff {

    private final VersionIndex before;
    private final VersionIndex after;
    private final List<ModelChange> changes;

    ModelDiff(VersionIndex before, VersionIndex after, List<ModelChange> changes) {
        this.before = before;
        this.after = after;
        this.changes = List.copyOf(changes);
    }

    /**
     * The changes that turn {@code before} into {@code after}: additions and changes in the order of {@code after},
     * then removals in the order of {@code before}. A {@code null} version is an empty one (nothing existed).
     */
    public static ModelDiff between(KnowledgeBase before, KnowledgeBase after) {
        return between(VersionIndex.of(before), VersionIndex.of(after));
    }

    static ModelDiff between(VersionIndex before, VersionIndex after) {
        return new ModelDiff(before, after, compute(before, after, null));
    }

    /** The changes that turn the object {@code key} of {@code before} into the object {@code key} of {@code after}. */
    static List<ModelChange> compute(VersionIndex before, VersionIndex after, String within) {
        List<ModelChange> changes = new ArrayList<>();
        Iterable<String> afterKeys = within == null ? after.keys() : after.subtree(within);
        for (String key : afterKeys) {
            EObject now = after.get(key);
            VersionIndex.Place place = after.place(key);
            if (!before.contains(key)) {
                if (place.parentKey() == null || before.contains(place.parentKey()) && !key.equals(within)) {
                    changes.add(new ModelChange.Added(key, place.parentKey(), place.feature(), predecessor(after, key, before)));
                }
                continue;
            }
            VersionIndex.Place was = before.place(key);
            if (!key.equals(within) && (!Objects.equals(was.parentKey(), place.parentKey()) || was.feature() != place.feature())) {
                changes.add(new ModelChange.Moved(key, was.parentKey(), place.parentKey(), place.feature(), predecessor(after, key, before)));
            }
            EObject then = before.get(key);
            if (then.eClass() != now.eClass()) {
                // the same id on an object of another type: a different object
                changes.add(new ModelChange.Removed(key, was.parentKey(), was.feature()));
                changes.add(new ModelChange.Added(key, place.parentKey(), place.feature(), predecessor(after, key, before)));
                continue;
            }
            for (EStructuralFeature feature : VersionIndex.comparedFeatures(now)) {
                Object oldValue = before.plainValue(then, feature);
                Object newValue = after.plainValue(now, feature);
                if (!Objects.equals(oldValue, newValue)) {
                    changes.add(new ModelChange.Changed(key, feature, oldValue, newValue));
                }
            }
        }
        Iterable<String> beforeKeys = within == null ? before.keys() : before.subtree(within);
        for (String key : beforeKeys) {
            if (!after.contains(key)) {
                VersionIndex.Place was = before.place(key);
                if (was.parentKey() != null && after.contains(was.parentKey())
                        && after.get(was.parentKey()).eClass() == before.get(was.parentKey()).eClass()) {
                    changes.add(new ModelChange.Removed(key, was.parentKey(), was.feature()));
                }
            }
        }
        return changes;
    }

    /** The nearest sibling before {@code key} in {@code version} that {@code other} also has (where to insert it). */
    static String predecessor(VersionIndex version, String key, VersionIndex other) {
        EObject object = version.get(key);
        EObject container = object.eContainer();
        if (container == null) {
            return null;
        }
        EReference feature = object.eContainmentFeature();
        List<EObject> siblings = VersionIndex.children(container, feature);
        for (int i = siblings.indexOf(object) - 1; i >= 0; i--) {
            String sibling = version.keyOf(siblings.get(i));
            if (other == null || other.contains(sibling)) {
                return sibling;
            }
        }
        return null;
    }

    public List<ModelChange> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public KnowledgeBase before() {
        return before.root();
    }

    public KnowledgeBase after() {
        return after.root();
    }

    VersionIndex beforeIndex() {
        return before;
    }

    VersionIndex afterIndex() {
        return after;
    }

    /**
     * Whether a change concerns the object {@code id}: it changed the object or something inside it, added it with what
     * holds it, or evidence
     * linking a document to it, or a participation of the actor {@code id}.
     */
    public boolean concerns(ModelChange change, String id) {
        String key = change.key();
        if (before.isWithin(key, id) || after.isWithin(key, id)) {
            return true;
        }
        if (change instanceof ModelChange.Added && after.contains(id) && after.isWithin(id, key)) {
            return true; // added with what holds it (the first version adds everything)
        }
        for (VersionIndex version : List.of(before, after)) {
            EObject object = version.get(key);
            if (object instanceof Evidence evidence && evidence.getTarget() != null
                    && version.isWithin(version.keyOf(evidence.getTarget()), id)) {
                return true;
            }
            if (object instanceof Participation participation && participation.getActor() != null
                    && id.equals(version.keyOf(participation.getActor()))) {
                return true;
            }
        }
        return false;
    }

    /** The changes that concern the object {@code id} (see {@link #concerns}). */
    public List<ModelChange> changesOf(String id) {
        return changes.stream().filter(c -> concerns(c, id)).toList();
    }

    /** Every change in words, in the user's language. */
    public List<ChangeDescription> describe() {
        return describe(changes);
    }

    /** These changes (of this diff) in words. */
    public List<ChangeDescription> describe(List<ModelChange> some) {
        ChangeWords words = new ChangeWords(before, after);
        return some.stream().map(c -> words.describe(c)).toList();
    }

    /** Whether the object {@code key} exists in the newer version. */
    public boolean existsAfter(String key) {
        return after.contains(key);
    }

    /** Whether the object {@code key} exists in the older version. */
    public boolean existsBefore(String key) {
        return before.contains(key);
    }
}

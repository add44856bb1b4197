package eu.urbanagenda.kb.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

import eu.urbanagenda.kb.compare.internal.ChangeWords;
import eu.urbanagenda.kb.compare.internal.ModelPatch;
import eu.urbanagenda.kb.compare.internal.VersionIndex;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/**
 * The three-way merge of knowledge bases at the level of the model. The changes of each side since their common
 * version are matched by object and feature: changes to different objects or to different features merge by
 * themselves (a many-valued feature merges what each side added and removed), the same feature changed two ways is a
 * {@link Conflict}, and so is an object deleted on one side and changed (or newly referred to) on the other. Changes
 * that are valid on each side but break a rule of the model together become a conflict too, so that a merge never
 * produces a knowledge base that does not validate.
 * <p>
 * The same merge reverts the change of a version: base = that version, ours = now, theirs = the version before it.
 */
public final class ModelMerge {

    private static final int MOST_VALIDATION_ROUNDS = 8;

    private final VersionIndex base;
    private final VersionIndex ours;
    private final VersionIndex theirs;
    private final List<ModelChange> applied = new ArrayList<>();
    private final Map<String, Conflict> conflicts = new LinkedHashMap<>();
    private final Map<String, List<ModelChange>> deletedHere = new LinkedHashMap<>();
    private final Set<String> removedByUs = new HashSet<>();
    private final Set<String> insideOurs = new HashSet<>();
    private final Set<String> referencedByOurs = new HashSet<>();
    private final Map<String, ModelChange.Changed> ourChanged = new HashMap<>();
    private final Map<String, ModelChange.Moved> ourMoved = new HashMap<>();
    private final List<ModelChange> ourChanges;
    private final List<ModelChange> theirChanges;

    private ModelMerge(KnowledgeBase base, KnowledgeBase ours, KnowledgeBase theirs) {
        this.base = VersionIndex.of(base);
        this.ours = VersionIndex.of(ours);
        this.theirs = VersionIndex.of(theirs);
        this.ourChanges = ModelDiff.compute(this.base, this.ours, null);
        this.theirChanges = ModelDiff.compute(this.base, this.theirs, null);
    }

    /**
     * Plans the merge of {@code theirs} into {@code ours}.
     *
     * @param base their last common version, or {@code null} when they have none (every difference is then a change of
     *             both sides: equal values merge, different ones are conflicts)
     */
    public static MergePlan plan(KnowledgeBase base, KnowledgeBase ours, KnowledgeBase theirs) {
        ModelMerge merge = new ModelMerge(base, ours, theirs);
        merge.learnOurs();
        for (ModelChange change : merge.theirChanges) {
            merge.take(change);
        }
        merge.closeDeletedHere();
        List<String> problems = merge.checkTogether();
        return new MergePlan(merge.base, merge.ours, merge.theirs, List.copyOf(merge.applied), List.copyOf(merge.conflicts.values()),
                problems, new ModelDiff(merge.base, merge.ours, merge.ourChanges), new ModelDiff(merge.base, merge.theirs, merge.theirChanges));
    }

    /** What our side did, to recognise what their changes meet. */
    private void learnOurs() {
        for (String key : base.keys()) {
            if (!ours.contains(key)) {
                removedByUs.add(key);
            }
        }
        for (ModelChange change : ourChanges) {
            switch (change) {
            case ModelChange.Changed c -> {
                ourChanged.put(c.key() + "\u0000" + c.feature().getName(), c);
                touched(c.key());
                if (c.feature() instanceof EReference) {
                    referencedByOurs.addAll(newlyReferenced(c));
                }
            }
            case ModelChange.Added a -> {
                touched(a.parentKey());
                for (String key : ours.subtree(a.key())) {
                    referencedByOurs.addAll(references(ours, ours.get(key)));
                }
            }
            case ModelChange.Removed r -> touched(r.parentKey());
            case ModelChange.Moved m -> {
                ourMoved.put(m.key(), m);
                touched(m.key());
                touched(m.oldParentKey());
                touched(m.newParentKey());
            }
            }
        }
    }

    private void touched(String key) {
        for (VersionIndex version : List.of(base, ours)) {
            for (String k = key; k != null; k = version.parentKey(k)) {
                insideOurs.add(k);
            }
        }
    }

    private static Set<String> newlyReferenced(ModelChange.Changed change) {
        Set<String> keys = new HashSet<>();
        if (change.newValue() instanceof List<?> list) {
            list.forEach(v -> keys.add((String) v));
            if (change.oldValue() instanceof List<?> old) {
                old.forEach(keys::remove);
            }
        } else if (change.newValue() != null) {
            keys.add((String) change.newValue());
        }
        return keys;
    }

    /** The keys an object refers to (its stored references). */
    private static Set<String> references(VersionIndex version, EObject object) {
        Set<String> keys = new HashSet<>();
        for (EStructuralFeature feature : VersionIndex.comparedFeatures(object)) {
            if (feature instanceof EReference) {
                Object value = version.plainValue(object, feature);
                if (value instanceof List<?> list) {
                    list.forEach(v -> keys.add((String) v));
                } else if (value != null) {
                    keys.add((String) value);
                }
            }
        }
        if (object instanceof Participation participation) {
            // the key features of a participation are references too
            if (participation.getActor() != null) {
                keys.add(version.keyOf(participation.getActor()));
            }
            if (participation.getAction() != null) {
                keys.add(version.keyOf(participation.getAction()));
            }
        }
        return keys;
    }

    /** The topmost object removed by us that {@code key} is or lies in, or {@code null}. */
    private String removedByUsTop(String key) {
        if (key == null || !removedByUs.contains(key)) {
            return null;
        }
        String top = key;
        for (String k = base.parentKey(key); k != null && removedByUs.contains(k); k = base.parentKey(k)) {
            top = k;
        }
        return top;
    }

    /** The first of {@code keys} that we removed (and they still have), as its topmost removed object. */
    private String removedByUsAmong(Set<String> keys) {
        for (String key : keys) {
            if (!ours.contains(key) && removedByUs.contains(key)) {
                return removedByUsTop(key);
            }
        }
        return null;
    }

    private void take(ModelChange change) {
        switch (change) {
        case ModelChange.Removed removed -> takeRemoved(removed);
        case ModelChange.Added added -> takeAdded(added);
        case ModelChange.Moved moved -> {
            String top = removedByUsTop(moved.key());
            String intoRemoved = ours.contains(moved.newParentKey()) ? null : removedByUsTop(moved.newParentKey());
            ModelChange.Moved mine = ourMoved.get(moved.key());
            if (top != null || intoRemoved != null) {
                deletedHere(top != null ? top : intoRemoved, moved);
            } else if (mine != null && !Objects.equals(mine.newParentKey(), moved.newParentKey())) {
                conflict(new Conflict(Conflict.Kind.BOTH_CHANGED, moved.key() + ".container", subjectId(moved.key()),
                        subjectWords(moved.key()), ChangeWords.objectWords(ours.get(moved.key())),
                        ChangeWords.objectWords(ours.get(mine.newParentKey())),
                        ChangeWords.objectWords(theirs.get(moved.newParentKey())), "", List.of(moved)));
            } else if (mine == null) {
                applied.add(moved);
            }
        }
        case ModelChange.Changed changed -> takeChanged(changed);
        }
    }

    private void takeRemoved(ModelChange.Removed removed) {
        String key = removed.key();
        if (removedByUs.contains(key)) {
            return; // both removed it
        }
        boolean ourReference = referencedByOurs.stream().anyMatch(k -> ours.contains(k) && ours.isWithin(k, key));
        if (!insideOurs.contains(key) && !ourReference) {
            applied.add(removed);
            return;
        }
        deletedThere(key, removed);
    }

    /** They deleted {@code key}; we changed something in it or newly refer to it. */
    private void deletedThere(String key, ModelChange.Removed removed) {
        List<ModelChange> theirSide = new ArrayList<>();
        theirSide.add(removed);
        theirSide.addAll(cleanUpReferencesTo(key));
        List<ModelChange> ourInside = ourChanges.stream().filter(c -> ours.isWithin(c.key(), key) || base.isWithin(c.key(), key)).toList();
        String mine = ourInside.isEmpty() ? KnowledgeBaseLabels.phrase("kept") : summary(new ChangeWords(base, ours), ourInside);
        EObject object = ours.get(key);
        conflict(new Conflict(Conflict.Kind.DELETED_THERE, key, subjectId(key), subjectWords(ours.parentKey(key)),
                ChangeWords.objectWords(object), mine, KnowledgeBaseLabels.phrase("deleted"), "", theirSide));
    }

    /** What deleting {@code key} from our version needs besides: the evidence and participations that point into it go, other references to it are cleared. */
    private List<ModelChange> cleanUpReferencesTo(String key) {
        List<ModelChange> cleanUp = new ArrayList<>();
        Set<String> inside = new HashSet<>(ours.subtree(key));
        for (String referrer : ours.keys()) {
            if (inside.contains(referrer)) {
                continue;
            }
            EObject object = ours.get(referrer);
            Set<String> refs = references(ours, object);
            refs.retainAll(inside);
            if (refs.isEmpty()) {
                continue;
            }
            if (object instanceof Evidence || object instanceof Participation) {
                VersionIndex.Place place = ours.place(referrer);
                cleanUp.add(new ModelChange.Removed(referrer, place.parentKey(), place.feature()));
                continue;
            }
            for (EStructuralFeature feature : VersionIndex.comparedFeatures(object)) {
                if (feature instanceof EReference) {
                    Object value = ours.plainValue(object, feature);
                    if (value instanceof List<?> list && list.stream().anyMatch(inside::contains)) {
                        cleanUp.add(new ModelChange.Changed(referrer, feature, value,
                                list.stream().filter(v -> !inside.contains(v)).toList()));
                    } else if (value != null && inside.contains(value)) {
                        cleanUp.add(new ModelChange.Changed(referrer, feature, value, null));
                    }
                }
            }
        }
        return cleanUp;
    }

    private void takeAdded(ModelChange.Added added) {
        if (ours.contains(added.key())) {
            // both added an object of this key: what differs is a conflict, what only they have inside it is added
            for (ModelChange difference : ModelDiff.compute(ours, theirs, added.key())) {
                if (difference instanceof ModelChange.Changed changed) {
                    conflictBothChanged(changed, changed.oldValue());
                } else if (difference instanceof ModelChange.Added inside) {
                    applied.add(inside);
                }
            }
            return;
        }
        String top = ours.contains(added.parentKey()) ? null : removedByUsTop(added.parentKey());
        if (top == null) {
            Set<String> refs = new HashSet<>();
            for (String key : theirs.subtree(added.key())) {
                refs.addAll(references(theirs, theirs.get(key)));
            }
            top = removedByUsAmong(refs);
        }
        if (top != null) {
            deletedHere(top, added);
        } else {
            applied.add(added);
        }
    }

    private void takeChanged(ModelChange.Changed changed) {
        String top = removedByUsTop(changed.key());
        if (top == null && changed.feature() instanceof EReference) {
            top = removedByUsAmong(newlyReferenced(changed));
        }
        if (top != null) {
            deletedHere(top, changed);
            return;
        }
        ModelChange.Changed mine = ourChanged.get(changed.key() + "\u0000" + changed.feature().getName());
        if (mine == null || changed.feature().isMany()) {
            applied.add(changed);
        } else if (!Objects.equals(mine.newValue(), changed.newValue())) {
            conflictBothChanged(new ModelChange.Changed(changed.key(), changed.feature(), mine.newValue(), changed.newValue()),
                    changed.oldValue());
        }
    }

    /** {@code change} turns our value (its old value) into theirs. */
    private void conflictBothChanged(ModelChange.Changed change, Object baseValue) {
        EObject object = ours.get(change.key());
        String what = object instanceof eu.urbanagenda.kb.model.LocalizedString ? ChangeWords.objectWords(object)
                : KnowledgeBaseLabels.featureName(change.feature());
        String subject = ours.subjectKey(change.key());
        if (subject != null && !subject.equals(change.key()) && !(object instanceof eu.urbanagenda.kb.model.LocalizedString)) {
            what = ChangeWords.objectWords(object) + " \u00b7 " + what;
        }
        conflict(new Conflict(Conflict.Kind.BOTH_CHANGED, change.key() + "." + change.feature().getName(), subjectId(change.key()),
                subjectWords(change.key()), what, ChangeWords.value(ours, change.feature(), change.oldValue()),
                ChangeWords.value(theirs, change.feature(), change.newValue()), "", List.of(change)));
    }

    /** They changed (or referred to) something we deleted: one conflict per deleted object, collected first. */
    private void deletedHere(String top, ModelChange change) {
        deletedHere.computeIfAbsent(top, k -> new ArrayList<>()).add(change);
    }

    private void closeDeletedHere() {
        ChangeWords theirWords = new ChangeWords(base, theirs);
        for (Map.Entry<String, List<ModelChange>> entry : deletedHere.entrySet()) {
            String key = entry.getKey();
            List<ModelChange> theirSide = new ArrayList<>();
            if (theirs.contains(key)) {
                VersionIndex.Place place = theirs.place(key);
                theirSide.add(new ModelChange.Added(key, place.parentKey(), place.feature(), ModelDiff.predecessor(theirs, key, ours)));
            }
            for (ModelChange change : entry.getValue()) {
                if (!theirs.isWithin(change.key(), key)) {
                    theirSide.add(change); // a reference to it from elsewhere; what is inside comes with the copy
                }
            }
            String theirText = summary(theirWords, entry.getValue());
            conflict(new Conflict(Conflict.Kind.DELETED_HERE, key, subjectId(key), subjectWords(base.parentKey(key)),
                    ChangeWords.objectWords(base.get(key)), KnowledgeBaseLabels.phrase("deleted"), theirText, "", theirSide));
        }
    }

    private void conflict(Conflict conflict) {
        conflicts.putIfAbsent(conflict.id(), conflict);
    }

    private String subjectId(String key) {
        for (VersionIndex version : List.of(ours, theirs, base)) {
            String subject = version.subjectKey(key);
            if (subject != null) {
                EObject object = version.get(subject);
                return object instanceof eu.urbanagenda.kb.model.Identified identified ? identified.getId() : null;
            }
        }
        return null;
    }

    private String subjectWords(String key) {
        for (VersionIndex version : List.of(ours, theirs, base)) {
            String subject = key == null ? null : version.subjectKey(key);
            if (subject != null) {
                EObject object = version.get(subject);
                return object instanceof KnowledgeBase ? "" : ChangeWords.objectWords(object);
            }
        }
        return "";
    }

    /**
     * Tries the merge on a copy of ours (every conflict decided for ours): the changes of theirs that break a rule of
     * the model together with ours (a new error that neither side has) or leave a reference dangling become conflicts,
     * until the result is whole and valid.
     *
     * @return what still makes the result invalid or not whole, in words (empty: nothing)
     */
    private List<String> checkTogether() {
        Set<String> known = new HashSet<>(errors(ours.root()));
        known.addAll(errors(theirs.root()));
        for (int round = 0; round < MOST_VALIDATION_ROUNDS; round++) {
            KnowledgeBase trial = EcoreUtil.copy(ours.root());
            List<ModelPatch.Dangling> dangling = ModelPatch.apply(trial, theirs, applied);
            Map<String, String> broken = new LinkedHashMap<>(); // subject key -> error
            VersionIndex result = VersionIndex.of(trial);
            for (ModelPatch.Dangling each : dangling) {
                String removedTarget = applied.stream().filter(c -> c instanceof ModelChange.Removed r && ours.isWithin(each.targetKey(), r.key()))
                        .map(ModelChange::key).findFirst().orElse(null);
                broken.putIfAbsent(removedTarget != null ? removedTarget : result.subjectKey(each.referrerKey()),
                        MergePlan.danglingWords(result, ours, theirs, each));
            }
            for (Diagnostic diagnostic : KnowledgeBaseValidation.validate(trial).getChildren()) {
                if (diagnostic.getSeverity() == Diagnostic.ERROR && !known.contains(diagnostic.getMessage())
                        && !diagnostic.getData().isEmpty() && diagnostic.getData().get(0) instanceof EObject object) {
                    broken.putIfAbsent(result.subjectKey(result.keyOf(object)), diagnostic.getMessage());
                }
            }
            if (broken.isEmpty()) {
                return List.of();
            }
            boolean progress = false;
            for (Map.Entry<String, String> entry : broken.entrySet()) {
                progress |= invalidTogether(entry.getKey(), entry.getValue());
            }
            if (!progress) {
                return List.copyOf(broken.values());
            }
        }
        return List.of();
    }

    /** Takes their changes in or of {@code key} out of the merge as one conflict: keep ours, or make it as theirs is. */
    private boolean invalidTogether(String key, String error) {
        if (key == null) {
            return false;
        }
        List<ModelChange> taken = new ArrayList<>();
        applied.removeIf(change -> {
            boolean concerns = change.key().equals(key) || theirs.isWithin(change.key(), key) || ours.isWithin(change.key(), key);
            if (concerns) {
                taken.add(change);
            }
            return concerns;
        });
        if (taken.isEmpty()) {
            return false;
        }
        List<ModelChange> theirSide = new ArrayList<>();
        if (taken.size() == 1 && taken.get(0) instanceof ModelChange.Removed) {
            theirSide.addAll(taken); // their deletion breaks a rule with what we have: take it or not
        } else if (ours.contains(key) && theirs.contains(key)) {
            theirSide.addAll(ModelDiff.compute(ours, theirs, key)); // as theirs has it, our changes to it undone
        } else {
            theirSide.addAll(taken);
        }
        String theirText = summary(new ChangeWords(base, theirs), taken);
        List<ModelChange> ourInside = ourChanges.stream().filter(c -> ours.isWithin(c.key(), key) || base.isWithin(c.key(), key)).toList();
        String ourText = ourInside.isEmpty() ? KnowledgeBaseLabels.phrase("kept") : summary(new ChangeWords(base, ours), ourInside);
        EObject object = ours.contains(key) ? ours.get(key) : theirs.get(key);
        conflict(new Conflict(Conflict.Kind.INVALID_TOGETHER, key + ".rules", subjectId(key), subjectWords(ours.parentKey(key)),
                ChangeWords.objectWords(object), ourText, theirText, error, theirSide));
        return true;
    }

    /** The first three changes in words ("…" when there are more). */
    private static String summary(ChangeWords words, List<ModelChange> changes) {
        return String.join("; ", changes.stream().limit(3).map(c -> words.describe(c).line(null)).toList())
                + (changes.size() > 3 ? "; \u2026" : "");
    }

    static List<String> errors(KnowledgeBase knowledgeBase) {
        List<String> messages = new ArrayList<>();
        for (Diagnostic diagnostic : KnowledgeBaseValidation.validate(knowledgeBase).getChildren()) {
            if (diagnostic.getSeverity() == Diagnostic.ERROR) {
                messages.add(diagnostic.getMessage());
            }
        }
        return messages;
    }
}

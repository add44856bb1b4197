package eu.urbanagenda.kb.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.util.EcoreUtil;

import eu.urbanagenda.kb.compare.internal.ChangeWords;
import eu.urbanagenda.kb.compare.internal.ModelPatch;
import eu.urbanagenda.kb.compare.internal.RecordedCommand;
import eu.urbanagenda.kb.compare.internal.VersionIndex;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseLabels;
import eu.urbanagenda.kb.model.validation.KnowledgeBaseValidation;

/**
 * A planned merge ({@link ModelMerge#plan}): their changes that merge by themselves, the conflicts, each decided for
 * {@link Side#MINE} unless chosen otherwise, and what no choice can mend. Applied to our version (or to a knowledge base
 * with the same content, e.g. the one open in the workbench) it gives the merged knowledge base.
 */
public final class MergePlan {

    private final VersionIndex base;
    private final VersionIndex ours;
    private final VersionIndex theirs;
    private final List<ModelChange> applied;
    private final List<Conflict> conflicts;
    private final List<String> problems;
    private final ModelDiff ourDiff;
    private final ModelDiff theirDiff;

    MergePlan(VersionIndex base, VersionIndex ours, VersionIndex theirs, List<ModelChange> applied, List<Conflict> conflicts,
            List<String> problems, ModelDiff ourDiff, ModelDiff theirDiff) {
        this.base = base;
        this.ours = ours;
        this.theirs = theirs;
        this.applied = applied;
        this.conflicts = conflicts;
        this.problems = problems;
        this.ourDiff = ourDiff;
        this.theirDiff = theirDiff;
    }

    /** The conflicts, in the order of their changes. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** What makes the merge impossible whatever is chosen (in words); empty normally. */
    public List<String> problems() {
        return problems;
    }

    /** Their changes that merge by themselves. */
    public List<ModelChange> merged() {
        return applied;
    }

    /** Their changes that merge by themselves, in words. */
    public List<ChangeDescription> mergedInWords() {
        ChangeWords words = new ChangeWords(base, theirs);
        return applied.stream().map(words::describe).toList();
    }

    /** Whether there is nothing of theirs to take (no change, no conflict). */
    public boolean isEmpty() {
        return applied.isEmpty() && conflicts.isEmpty();
    }

    /** Our changes since the common version. */
    public ModelDiff ourChanges() {
        return ourDiff;
    }

    /** Their changes since the common version. */
    public ModelDiff theirChanges() {
        return theirDiff;
    }

    /** Every conflict decided for one side. */
    public Map<String, Side> all(Side side) {
        Map<String, Side> choices = new LinkedHashMap<>();
        conflicts.forEach(c -> choices.put(c.id(), side));
        return choices;
    }

    private List<ModelChange> changes(Map<String, Side> choices) {
        List<ModelChange> changes = new ArrayList<>(applied);
        for (Conflict conflict : conflicts) {
            if (choices.getOrDefault(conflict.id(), Side.MINE) == Side.THEIRS) {
                changes.addAll(conflict.theirChanges());
            }
        }
        return changes;
    }

    /**
     * Tries the merge with these choices on a copy of our version.
     *
     * @param choices the side taken per conflict id; a conflict not named is decided for {@link Side#MINE}
     * @return what would make the result invalid (a new validation error) or not whole (a dangling reference), in
     *         words; empty when the merge can be done
     */
    public List<String> check(Map<String, Side> choices) {
        List<String> found = new ArrayList<>(problems);
        KnowledgeBase trial = EcoreUtil.copy(ours.root());
        List<ModelPatch.Dangling> dangling = ModelPatch.apply(trial, theirs, changes(choices));
        VersionIndex result = VersionIndex.of(trial);
        dangling.forEach(d -> found.add(danglingWords(result, ours, theirs, d)));
        Set<String> known = new HashSet<>(ModelMerge.errors(ours.root()));
        known.addAll(ModelMerge.errors(theirs.root()));
        for (Diagnostic diagnostic : KnowledgeBaseValidation.validate(trial).getChildren()) {
            if (diagnostic.getSeverity() == Diagnostic.ERROR && !known.contains(diagnostic.getMessage())) {
                found.add(diagnostic.getMessage());
            }
        }
        return found.stream().distinct().toList();
    }

    /**
     * Applies the merge to {@code target}, which must have the content of our version (it is matched by keys).
     *
     * @return references left dangling, in words (empty when {@link #check} found nothing)
     */
    public List<String> applyTo(KnowledgeBase target, Map<String, Side> choices) {
        List<ModelPatch.Dangling> dangling = ModelPatch.apply(target, theirs, changes(choices));
        VersionIndex result = VersionIndex.of(target);
        return dangling.stream().map(d -> danglingWords(result, ours, theirs, d)).toList();
    }

    /** The merge as one undoable command on {@code target} (the knowledge base open for editing). */
    public Command command(KnowledgeBase target, Map<String, Side> choices, String label) {
        Map<String, Side> chosen = Map.copyOf(choices);
        return new RecordedCommand(label, target, () -> {
            List<String> dangling = applyTo(target, chosen);
            if (!dangling.isEmpty()) {
                throw new IllegalStateException(String.join("; ", dangling));
            }
        });
    }

    static String danglingWords(VersionIndex result, VersionIndex ours, VersionIndex theirs, ModelPatch.Dangling dangling) {
        Object referrer = result.get(dangling.referrerKey());
        Object target = ours.contains(dangling.targetKey()) ? ours.get(dangling.targetKey()) : theirs.get(dangling.targetKey());
        return KnowledgeBaseLabels.phrase("dangling",
                referrer == null ? dangling.referrerKey() : ChangeWords.objectWords((org.eclipse.emf.ecore.EObject) referrer),
                KnowledgeBaseLabels.featureName(dangling.reference()),
                target == null ? dangling.targetKey() : ChangeWords.objectWords((org.eclipse.emf.ecore.EObject) target));
    }
}

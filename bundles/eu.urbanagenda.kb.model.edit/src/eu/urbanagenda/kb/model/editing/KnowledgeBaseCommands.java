package eu.urbanagenda.kb.model.editing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import eu.urbanagenda.kb.model.Action;
import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.Identified;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Named;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.Role;
import eu.urbanagenda.kb.model.UrbanAgendaFactory;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.model.provider.UrbanAgendaEditPlugin;

/**
 * The edits of a knowledge base, each one EMF command labelled for the Edit menu ("Undo Set Name", in the user's
 * language), to execute on the editing domain's command stack: the workbench and the command line make the same
 * ones. A method returns {@code null} when there is nothing to change.
 */
public final class KnowledgeBaseCommands {

    private KnowledgeBaseCommands() {
    }

    /** A command label of the edit bundle's {@code plugin.properties} ({@code _UI_Command_<key>}), localized. */
    public static String label(String key, Object... arguments) {
        return arguments.length == 0 ? UrbanAgendaEditPlugin.INSTANCE.getString("_UI_Command_" + key)
                : UrbanAgendaEditPlugin.INSTANCE.getString("_UI_Command_" + key, arguments);
    }

    /** {@code command} under another label. */
    public static Command labelled(Command command, String label) {
        return new CommandWrapper(label, label, command);
    }

    /** Sets one feature, with a label naming it ("Set Status"); {@code null} when it has that value already. */
    public static Command set(EditingDomain domain, EObject owner, EStructuralFeature feature, Object value, String label) {
        Object current = owner.eGet(feature);
        if (current == null ? value == null : current.equals(value)) {
            return null;
        }
        return labelled(SetCommand.create(domain, owner, feature, value == null ? SetCommand.UNSET_VALUE : value), label);
    }

    /**
     * Sets the name of {@code named} in {@code language}: changes the existing text, adds one, or (blank value) removes
     * it.
     */
    public static Command setName(EditingDomain domain, Named named, Language language, String value) {
        String text = value == null ? "" : value.strip();
        Optional<LocalizedString> existing = named.getNames().stream().filter(n -> n.getLanguage() == language).findFirst();
        if (existing.isPresent()) {
            LocalizedString name = existing.get();
            if (text.equals(name.getValue())) {
                return null;
            }
            if (text.isEmpty()) {
                return labelled(RemoveCommand.create(domain, named, Literals.NAMED__NAMES, name), label("removeName"));
            }
            return labelled(SetCommand.create(domain, name, Literals.LOCALIZED_STRING__VALUE, text), label("setName"));
        }
        if (text.isEmpty()) {
            return null;
        }
        LocalizedString name = Localized.of(language, text, false);
        return labelled(AddCommand.create(domain, named, Literals.NAMED__NAMES, name), label("setName"));
    }

    /** Marks the name in {@code language} as a translation (ours) or not; {@code null} when there is no such name. */
    public static Command setTranslated(EditingDomain domain, Named named, Language language, boolean translated) {
        return named.getNames().stream().filter(n -> n.getLanguage() == language && n.isTranslated() != translated).findFirst()
                .map(name -> labelled(SetCommand.create(domain, name, Literals.LOCALIZED_STRING__TRANSLATED, translated),
                        label("setTranslated")))
                .orElse(null);
    }

    /** Adds {@code actor} as a coordinator of the partnership; {@code null} when it already is one. */
    public static Command addCoordinator(EditingDomain domain, Partnership partnership, Actor actor) {
        boolean already = partnership.getParticipations().stream()
                .anyMatch(p -> p.getActor() == actor && p.getRole() == Role.COORDINATOR && p.getAction() == null);
        if (already) {
            return null;
        }
        Participation participation = UrbanAgendaFactory.eINSTANCE.createParticipation();
        participation.setActor(actor);
        participation.setRole(Role.COORDINATOR);
        return labelled(AddCommand.create(domain, partnership, Literals.PARTNERSHIP__PARTICIPATIONS, participation),
                label("addCoordinator"));
    }

    /** Removes participations (e.g. coordinators) from their partnership. */
    public static Command removeParticipations(EditingDomain domain, Collection<Participation> participations) {
        if (participations.isEmpty()) {
            return null;
        }
        return labelled(RemoveCommand.create(domain, participations), label("removeCoordinator"));
    }

    /** Sets the status of evidence (confirm, reject); {@code null} when all have it already. */
    public static Command setEvidenceStatus(EditingDomain domain, Collection<Evidence> evidence, EvidenceStatus status) {
        String label = label(status == EvidenceStatus.CONFIRMED ? "confirmEvidence"
                : status == EvidenceStatus.REJECTED ? "rejectEvidence" : "setEvidenceStatus");
        CompoundCommand compound = new CompoundCommand(label);
        for (Evidence each : evidence) {
            if (each.getStatus() != status || !each.isSetStatus()) {
                compound.append(SetCommand.create(domain, each, Literals.EVIDENCE__STATUS, status));
            }
        }
        return compound.isEmpty() ? null : compound;
    }

    /**
     * Adds an action with this English name to the partnership, with an id made of the partnership's and the name
     * ({@link #uniqueId}); {@code null} when the name is blank.
     */
    public static Command addAction(EditingDomain domain, Partnership partnership, String englishName) {
        String name = englishName == null ? "" : englishName.strip();
        KnowledgeBase kb = partnership.eContainer() instanceof KnowledgeBase k ? k : null;
        if (name.isEmpty() || kb == null) {
            return null;
        }
        Action action = UrbanAgendaFactory.eINSTANCE.createAction();
        action.setId(uniqueId(ids(kb), partnership.getId() + "-" + name));
        action.getNames().add(Localized.of(Language.EN, name, false));
        return labelled(AddCommand.create(domain, partnership, Literals.PARTNERSHIP__ACTIONS, action), label("addAction"));
    }

    /**
     * Deletes an object of the knowledge base with what cannot stand without it: the evidence that points at it (or at
     * anything inside it) and the participations of a deleted actor or action are deleted too, other references to it
     * are cleared. {@code null} when the object is not in a knowledge base.
     */
    public static Command delete(EditingDomain domain, Identified object) {
        if (object == null || object.eContainer() == null || object instanceof KnowledgeBase) {
            return null;
        }
        EObject root = EcoreUtil.getRootContainer(object);
        Set<EObject> doomed = new LinkedHashSet<>();
        doomed.add(object);
        CompoundCommand compound = new CompoundCommand(label("delete", KnowledgeBaseLabels.typeName(object)));
        Map<EObject, Collection<EStructuralFeature.Setting>> usages = EcoreUtil.UsageCrossReferencer.findAll(
                subtree(object), root);
        List<EObject> referrersToDelete = new ArrayList<>();
        List<Command> clears = new ArrayList<>();
        for (Map.Entry<EObject, Collection<EStructuralFeature.Setting>> usage : usages.entrySet()) {
            for (EStructuralFeature.Setting setting : usage.getValue()) {
                EObject referrer = setting.getEObject();
                EReference reference = (EReference) setting.getEStructuralFeature();
                if (reference.isDerived() || !reference.isChangeable() || EcoreUtil.isAncestor(object, referrer)) {
                    continue;
                }
                if (referrer instanceof Evidence || referrer instanceof Participation) {
                    if (doomed.add(referrer)) {
                        referrersToDelete.add(referrer);
                    }
                } else if (reference.isMany()) {
                    clears.add(RemoveCommand.create(domain, referrer, reference, usage.getKey()));
                } else {
                    clears.add(SetCommand.create(domain, referrer, reference, SetCommand.UNSET_VALUE));
                }
            }
        }
        clears.forEach(compound::append);
        for (EObject referrer : referrersToDelete) {
            compound.append(RemoveCommand.create(domain, referrer.eContainer(), referrer.eContainmentFeature(), referrer));
        }
        compound.append(RemoveCommand.create(domain, object.eContainer(), object.eContainmentFeature(), object));
        return compound;
    }

    private static List<EObject> subtree(EObject object) {
        List<EObject> all = new ArrayList<>();
        all.add(object);
        object.eAllContents().forEachRemaining(all::add);
        return all;
    }

    /** Whether an object still belongs to the knowledge base (not removed, not from an older load). */
    public static boolean isAlive(EObject object, KnowledgeBase kb) {
        return object != null && kb != null && EcoreUtil.isAncestor(kb, object);
    }

    /** The ids in use in a knowledge base, for {@link #uniqueId}. */
    public static Set<String> ids(KnowledgeBase kb) {
        Set<String> ids = new HashSet<>();
        kb.eAllContents().forEachRemaining(o -> {
            if (o instanceof Identified identified && identified.getId() != null) {
                ids.add(identified.getId());
            }
        });
        return ids;
    }

    /**
     * An id made of {@code wanted} (lower case, runs of other characters than a–z and 0–9 as one hyphen) that is not
     * in {@code ids} yet ({@code -2}, {@code -3}… appended when needed); it is added to {@code ids}.
     */
    public static String uniqueId(Set<String> ids, String wanted) {
        String id = wanted.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String candidate = id;
        for (int i = 2; ids.contains(candidate); i++) {
            candidate = id + "-" + i;
        }
        ids.add(candidate);
        return candidate;
    }
}

package eu.urbanagenda.kb.viewmodel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.databinding.observable.Realm;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.edit.domain.EditingDomain;

import eu.urbanagenda.kb.model.Action;
import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.Generation;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.Role;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;
import eu.urbanagenda.kb.model.localization.Localized;

/**
 * A partnership's facts as the editor's form shows them, without widgets: each field an observable {@link ModelValue}
 * whose changes are labelled commands on the shared command stack. Names in English, Bulgarian and Ukrainian with their
 * "translated" flags; status and generation; the years and the number of actions, as text checked before it becomes a
 * number; the coordinators and the actions. Call {@link #dispose()} when done.
 */
public final class PartnershipForm {

    /** The whole-number fields. */
    public enum Number {
        START_YEAR(Literals.PARTNERSHIP__START_YEAR),
        ACTION_PLAN_YEAR(Literals.PARTNERSHIP__ACTION_PLAN_YEAR),
        END_YEAR(Literals.PARTNERSHIP__END_YEAR),
        ACTION_COUNT(Literals.PARTNERSHIP__ACTION_COUNT);

        /** The model's attribute. */
        public final EAttribute attribute;

        Number(EAttribute attribute) {
            this.attribute = attribute;
        }
    }

    private final EditingDomain domain;
    private final Partnership partnership;
    private final List<ModelValue<?>> values = new ArrayList<>();
    private final Realm realm;
    private final CommandStack stack;

    public PartnershipForm(Realm realm, EditingDomain domain, Partnership partnership) {
        this.realm = realm;
        this.domain = domain;
        this.partnership = partnership;
        this.stack = domain.getCommandStack();
    }

    private <T> ModelValue<T> value(Object type, java.util.function.Supplier<T> getter, java.util.function.Function<T, Command> setter) {
        ModelValue<T> value = new ModelValue<>(realm, type, stack, getter, setter);
        values.add(value);
        return value;
    }

    public Partnership partnership() {
        return partnership;
    }

    /** The partnership's name in the user's language (the form's title). */
    public ModelValue<String> title() {
        return value(String.class, () -> Localized.name(partnership), null);
    }

    /** The name in a language; a blank text removes it. */
    public ModelValue<String> name(Language language) {
        return value(String.class, () -> Localized.find(partnership.getNames(), language).map(LocalizedString::getValue).orElse(""),
                text -> KnowledgeBaseCommands.setName(domain, partnership, language, text));
    }

    /** Whether the name in a language is our translation. */
    public ModelValue<Boolean> translated(Language language) {
        return value(Boolean.class, () -> Localized.find(partnership.getNames(), language).map(LocalizedString::isTranslated).orElse(false),
                flag -> KnowledgeBaseCommands.setTranslated(domain, partnership, language, Boolean.TRUE.equals(flag)));
    }

    /** Whether there is a name in a language (only then can it be marked translated). */
    public ModelValue<Boolean> hasName(Language language) {
        return value(Boolean.class, () -> Localized.find(partnership.getNames(), language).isPresent(), null);
    }

    /** The status, or {@code null} when not set. */
    public ModelValue<PartnershipStatus> status() {
        return value(PartnershipStatus.class, () -> partnership.isSetStatus() ? partnership.getStatus() : null,
                status -> KnowledgeBaseCommands.set(domain, partnership, Literals.PARTNERSHIP__STATUS, status,
                        KnowledgeBaseCommands.label("setStatus")));
    }

    /** The generation, or {@code null} when not set. */
    public ModelValue<Generation> generation() {
        return value(Generation.class, () -> partnership.isSetGeneration() ? partnership.getGeneration() : null,
                generation -> KnowledgeBaseCommands.set(domain, partnership, Literals.PARTNERSHIP__GENERATION, generation,
                        KnowledgeBaseCommands.label("setGeneration")));
    }

    /**
     * A whole-number field as text ("" when not set). Set only text that {@link #checkNumber} accepts.
     *
     * @param label the field's label, which names the command ("Set Start year")
     */
    public ModelValue<String> number(Number field, String label) {
        return value(String.class, () -> {
            Object value = partnership.eGet(field.attribute);
            return value == null ? "" : value.toString();
        }, text -> KnowledgeBaseCommands.set(domain, partnership, field.attribute, parse(text), KnowledgeBaseCommands.label("set", label)));
    }

    /** Why a text cannot be a whole number, or {@code null} when it can (an empty text unsets the field). */
    public static String checkNumber(String text) {
        try {
            parse(text);
            return null;
        } catch (NumberFormatException e) {
            return text.strip();
        }
    }

    private static Integer parse(String text) {
        String value = text == null ? "" : text.strip();
        return value.isEmpty() ? null : Integer.valueOf(value);
    }

    /** The coordinators (participations in the coordinator role, not in an action). */
    public ModelValue<List<Participation>> coordinators() {
        return value(List.class, () -> partnership.getParticipations().stream()
                .filter(p -> p.getRole() == Role.COORDINATOR && p.getAction() == null).toList(), null);
    }

    /** The actions. */
    public ModelValue<List<Action>> actions() {
        return value(List.class, () -> List.copyOf(partnership.getActions()), null);
    }

    /** The actors that could be added as coordinators. */
    public List<Actor> coordinatorCandidates() {
        List<Actor> candidates = new ArrayList<>(((KnowledgeBase) partnership.eContainer()).getActors());
        candidates.removeAll(partnership.getCoordinators());
        return candidates;
    }

    /** Adds coordinators in one command; {@code null} when they all are coordinators already. */
    public Command addCoordinators(Collection<Actor> actors) {
        CompoundCommand compound = new CompoundCommand(KnowledgeBaseCommands.label("addCoordinator"));
        for (Actor actor : actors) {
            Command add = KnowledgeBaseCommands.addCoordinator(domain, partnership, actor);
            if (add != null) {
                compound.append(add);
            }
        }
        return compound.isEmpty() ? null : compound;
    }

    public Command removeCoordinators(Collection<Participation> participations) {
        return KnowledgeBaseCommands.removeParticipations(domain, participations);
    }

    /** Sets an actor's country (upper case; blank unsets it): every partnership of the actor sees it. */
    public Command setCountry(Actor actor, String country) {
        String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        return KnowledgeBaseCommands.set(domain, actor, Literals.ACTOR__COUNTRY, code.isEmpty() ? null : code,
                KnowledgeBaseCommands.label("setCountry"));
    }

    /** Stops every value of this form from following the command stack. */
    public void dispose() {
        values.forEach(ModelValue::dispose);
        values.clear();
    }
}

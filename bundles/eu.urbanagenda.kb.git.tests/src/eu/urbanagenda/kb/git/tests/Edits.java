package eu.urbanagenda.kb.git.tests;

import java.util.function.Function;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.EditingDomain;

import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.PartnershipStatus;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.editing.KnowledgeBaseCommands;

/** The editor's commands, as the tests make them. */
final class Edits {

    private Edits() {
    }

    static Function<EditingDomain, Command> status(Coordinator c, String partnership, PartnershipStatus status) {
        return d -> KnowledgeBaseCommands.set(d, c.partnership(partnership), Literals.PARTNERSHIP__STATUS, status,
                KnowledgeBaseCommands.label("setStatus"));
    }

    static Function<EditingDomain, Command> name(Coordinator c, String partnership, Language language, String name) {
        return d -> KnowledgeBaseCommands.setName(d, c.partnership(partnership), language, name);
    }

    static Function<EditingDomain, Command> coordinator(Coordinator c, String partnership, String actor) {
        return d -> KnowledgeBaseCommands.addCoordinator(d, c.partnership(partnership),
                c.kb().getActors().stream().filter(a -> a.getId().equals(actor)).findFirst().orElseThrow());
    }

    static Function<EditingDomain, Command> action(Coordinator c, String partnership, String englishName) {
        return d -> KnowledgeBaseCommands.addAction(d, c.partnership(partnership), englishName);
    }

    static Function<EditingDomain, Command> delete(Coordinator c, String partnership) {
        return d -> KnowledgeBaseCommands.delete(d, c.partnership(partnership));
    }

    static Partnership partnership(KnowledgeBase kb, String id) {
        return kb.getPartnerships().stream().filter(p -> p.getId().equals(id)).findFirst().orElse(null);
    }

    static String nameOf(Partnership partnership, Language language) {
        return partnership.getNames().stream().filter(n -> n.getLanguage() == language).map(LocalizedString::getValue).findFirst()
                .orElse(null);
    }
}

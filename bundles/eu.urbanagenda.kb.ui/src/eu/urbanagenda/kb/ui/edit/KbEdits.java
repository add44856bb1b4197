package eu.urbanagenda.kb.ui.edit;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.osgi.util.NLS;

import eu.urbanagenda.kb.core.KbLocations;
import eu.urbanagenda.kb.index.SearchHit;
import eu.urbanagenda.kb.model.Actor;
import eu.urbanagenda.kb.model.DocumentFormat;
import eu.urbanagenda.kb.model.Evidence;
import eu.urbanagenda.kb.model.EvidenceStatus;
import eu.urbanagenda.kb.model.EvidenceTarget;
import eu.urbanagenda.kb.model.Identified;
import eu.urbanagenda.kb.model.KnowledgeBase;
import eu.urbanagenda.kb.model.Language;
import eu.urbanagenda.kb.model.LocalizedString;
import eu.urbanagenda.kb.model.Named;
import eu.urbanagenda.kb.model.Participation;
import eu.urbanagenda.kb.model.Partnership;
import eu.urbanagenda.kb.model.Role;
import eu.urbanagenda.kb.model.SourceDocument;
import eu.urbanagenda.kb.model.UrbanAgendaFactory;
import eu.urbanagenda.kb.model.UrbanAgendaPackage.Literals;
import eu.urbanagenda.kb.model.localization.Localized;
import eu.urbanagenda.kb.ui.internal.Messages;

/**
 * The edits the workbench makes to the knowledge base, each one EMF command with a label for the Edit menu ("Undo Set
 * Name"), to execute on the shared editing domain's command stack. A method returns {@code null} when there is
 * nothing to change.
 */
public final class KbEdits {

    private KbEdits() {
    }

    /** {@code command} under another label. */
    public static Command labelled(Command command, String label) {
        return new CommandWrapper(label, label, command);
    }

    /** "Set {feature}", in the user's language. */
    public static String setLabel(String featureName) {
        return NLS.bind(Messages.Command_set, featureName);
    }

    /** Sets one feature, with a label naming it. */
    public static Command set(EditingDomain domain, EObject owner, org.eclipse.emf.ecore.EStructuralFeature feature, Object value,
            String label) {
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
                return labelled(RemoveCommand.create(domain, named, Literals.NAMED__NAMES, name), Messages.Command_removeName);
            }
            return labelled(SetCommand.create(domain, name, Literals.LOCALIZED_STRING__VALUE, text), Messages.Command_setName);
        }
        if (text.isEmpty()) {
            return null;
        }
        LocalizedString name = Localized.of(language, text, false);
        return labelled(AddCommand.create(domain, named, Literals.NAMED__NAMES, name), Messages.Command_setName);
    }

    /** Marks the name in {@code language} as a translation (ours) or not; {@code null} when there is no such name. */
    public static Command setTranslated(EditingDomain domain, Named named, Language language, boolean translated) {
        return named.getNames().stream().filter(n -> n.getLanguage() == language && n.isTranslated() != translated).findFirst()
                .map(name -> labelled(SetCommand.create(domain, name, Literals.LOCALIZED_STRING__TRANSLATED, translated),
                        Messages.Command_setTranslated))
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
                Messages.Command_addCoordinator);
    }

    /** Removes participations (e.g. coordinators) from their partnership. */
    public static Command removeParticipations(EditingDomain domain, Collection<Participation> participations) {
        if (participations.isEmpty()) {
            return null;
        }
        return labelled(RemoveCommand.create(domain, participations), Messages.Command_removeCoordinator);
    }

    /** Sets the status of evidence (confirm, reject); {@code null} when all have it already. */
    public static Command setEvidenceStatus(EditingDomain domain, Collection<Evidence> evidence, EvidenceStatus status) {
        String label = status == EvidenceStatus.CONFIRMED ? Messages.Command_confirmEvidence
                : status == EvidenceStatus.REJECTED ? Messages.Command_rejectEvidence : Messages.Command_setEvidenceStatus;
        CompoundCommand compound = new CompoundCommand(label);
        for (Evidence each : evidence) {
            if (each.getStatus() != status || !each.isSetStatus()) {
                compound.append(SetCommand.create(domain, each, Literals.EVIDENCE__STATUS, status));
            }
        }
        return compound.isEmpty() ? null : compound;
    }

    /**
     * Links search hits to a partnership (or action) as confirmed evidence, in one command: a document the knowledge
     * base does not have yet (matched by SHA-256) is added first ({@code doc-<first 12 hex>}, its location the
     * absolute path, or {@code seeds/<name>} for a bundled seed); evidence that exists is confirmed.
     *
     * @return the command, or {@code null} when every hit is already confirmed evidence of the target
     */
    public static Command linkDocuments(EditingDomain domain, KnowledgeBase kb, List<SearchHit> hits, EvidenceTarget target) {
        CompoundCommand compound = new CompoundCommand(Messages.Command_linkDocument);
        Set<String> ids = new HashSet<>();
        kb.eAllContents().forEachRemaining(o -> {
            if (o instanceof Identified identified && identified.getId() != null) {
                ids.add(identified.getId());
            }
        });
        Set<String> seen = new HashSet<>();
        for (SearchHit hit : hits) {
            if (hit.sha256() == null || !seen.add(hit.sha256())) {
                continue;
            }
            SourceDocument document = kb.getDocuments().stream().filter(d -> hit.sha256().equals(d.getChecksum())).findFirst()
                    .orElse(null);
            if (document == null) {
                document = newDocument(hit, unique(ids, "doc-" + hit.sha256().substring(0, Math.min(12, hit.sha256().length()))));
                compound.append(AddCommand.create(domain, kb, Literals.KNOWLEDGE_BASE__DOCUMENTS, document));
            }
            SourceDocument doc = document;
            Optional<Evidence> existing = kb.getEvidence().stream().filter(e -> e.getDocument() == doc && e.getTarget() == target)
                    .findFirst();
            if (existing.isPresent()) {
                if (existing.get().getStatus() != EvidenceStatus.CONFIRMED) {
                    compound.append(SetCommand.create(domain, existing.get(), Literals.EVIDENCE__STATUS, EvidenceStatus.CONFIRMED));
                }
                continue;
            }
            Evidence evidence = UrbanAgendaFactory.eINSTANCE.createEvidence();
            evidence.setId(unique(ids, "evidence-" + doc.getId() + "-" + target.getId()));
            evidence.setDocument(doc);
            evidence.setTarget(target);
            evidence.setStatus(EvidenceStatus.CONFIRMED);
            evidence.setScore(1.0);
            evidence.setSnippet(plainSnippet(hit.snippet()));
            compound.append(AddCommand.create(domain, kb, Literals.KNOWLEDGE_BASE__EVIDENCE, evidence));
        }
        return compound.isEmpty() ? null : compound;
    }

    private static SourceDocument newDocument(SearchHit hit, String id) {
        SourceDocument document = UrbanAgendaFactory.eINSTANCE.createSourceDocument();
        document.setId(id);
        document.setTitle(hit.title() == null || hit.title().isBlank() ? hit.path().getFileName().toString() : hit.title());
        Language language = Language.get(hit.lang() == null ? "" : hit.lang());
        document.setLanguage(language == null ? Language.OTHER : language);
        document.setLocation(location(hit.path()));
        DocumentFormat format = DocumentFormat.get(hit.format() == null ? "" : hit.format());
        if (format != null) {
            document.setFormat(format);
        }
        document.setEncoding(hit.encoding());
        document.setDate(hit.date());
        document.setChecksum(hit.sha256());
        return document;
    }

    /** {@code seeds/<name>} for a file of the bundled seeds folder, else the absolute path. */
    public static String location(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Optional<Path> seeds = KbLocations.seedsDirectory();
        if (seeds.isPresent() && seeds.get().equals(absolute.getParent())) {
            return "seeds/" + absolute.getFileName();
        }
        return absolute.toString();
    }

    /** A highlighted snippet ({@code <b>…</b>}, HTML entities) as plain text. */
    public static String plainSnippet(String snippet) {
        if (snippet == null) {
            return null;
        }
        String text = snippet.replace("<b>", "").replace("</b>", "").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String unique(Set<String> ids, String wanted) {
        String id = wanted.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String candidate = id;
        for (int i = 2; ids.contains(candidate); i++) {
            candidate = id + "-" + i;
        }
        ids.add(candidate);
        return candidate;
    }

    /** A copy-free check that an object still belongs to the knowledge base (not removed, not from an older load). */
    public static boolean isAlive(EObject object, KnowledgeBase kb) {
        return object != null && kb != null && EcoreUtil.isAncestor(kb, object);
    }
}
